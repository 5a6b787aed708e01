namespace Dsl.Awards.Awards;

/// <summary>Which awards to list: a setting's, and/or those of one status; paged by award id.</summary>
public sealed record AwardsQuery : PageQuery
{
    /// <summary>Only this setting's awards (heads and leads always get only their own).</summary>
    [FromQuery(Name = "settingUrn")]
    public string? SettingUrn { get; set; }

    /// <summary>active, expired or revoked.</summary>
    [FromQuery(Name = "status")]
    public AwardStatus? Status { get; set; }

    public sealed class Validator : AbstractValidator<AwardsQuery>
    {
        public Validator()
        {
            Include(new PageQueryValidator(Cursors.IsGuidKey));
            RuleFor(q => q.SettingUrn).Urn("settingUrn").When(q => q.SettingUrn is not null);
        }
    }
}

public static class GetAwardsEndpoint
{
    /// <summary>Awards, oldest first, filtered by `settingUrn` and `status`; heads and leads see only their setting's.</summary>
    [Authorize(Roles = AwardsRoles.Readers)]
    [WolverineGet("/api/awards", OperationId = "ListAwards")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("List awards")]
    public static async Task<Page<AwardView>> Get([AsParameters] AwardsQuery query, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var after = query.After is { } key ? Guid.Parse(key) : Guid.Empty;
        var awards = session.Query<Award>().Where(a => a.Id.CompareTo(after) > 0);
        var urn = SettingAccess.IsSettingUser(user) ? user.SettingUrn() ?? "" : query.SettingUrn;
        if (urn is not null) awards = awards.Where(a => a.SettingUrn == urn);
        if (query.Status is { } status) awards = awards.Where(a => a.Status == status);
        var page = await awards.OrderBy(a => a.Id).Take(query.Take + 1).ToListAsync(ct);
        return page.ToPage(query.Take, a => a.Id.ToString()).Select(AwardView.From);
    }
}
