namespace Dsl.PeerNetwork.Sets;

public sealed record GetSetsQuery : PageQuery
{
    /// <summary>A programme region code.</summary>
    [FromQuery(Name = "region")]
    public string? Region { get; set; }

    public sealed class Validator : AbstractValidator<GetSetsQuery>
    {
        public Validator()
        {
            Include(new PageQueryValidator(Cursors.IsGuidKey));
            RuleFor(x => x.Region).Must(ProgrammeRegions.Exists!).When(x => x.Region is not null)
                .WithMessage($"region must be one of {ProgrammeRegions.Codes}.");
        }
    }
}

public static class GetSetsEndpoint
{
    /// <summary>Action learning sets: admins see all, a facilitator the sets they facilitate, a lead their own.</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverineGet("/api/peer-network/sets", OperationId = "GetActionLearningSets")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("List action learning sets")]
    public static async Task<Page<SetView>> Get([AsParameters] GetSetsQuery query, ClaimsPrincipal user, IQuerySession session,
        CancellationToken ct)
    {
        var after = query.After is { } key ? Guid.Parse(key) : Guid.Empty;
        var sets = session.Query<ActionLearningSet>().Where(s => s.Id.CompareTo(after) > 0);
        if (query.Region is not null) sets = sets.Where(s => s.Region == query.Region);
        if (!user.IsInRole(Roles.Admin))
        {
            var me = user.UserId();
            var urn = user.SettingUrn();
            sets = user.IsInRole(Roles.Facilitator)
                ? sets.Where(s => s.FacilitatorId == me)
                : sets.Where(s => s.SettingUrns.Contains(urn ?? ""));
        }
        var page = (await sets.OrderBy(s => s.Id).Take(query.Take + 1).ToListAsync(ct)).ToPage(query.Take, s => s.Id.ToString());
        // A lead who left a set no longer sees it.
        return new Page<SetView>(page.Items.Where(s => s.CanRead(user)).Select(SetView.From).ToList(), page.NextCursor);
    }
}
