namespace Dsl.Awards.Applications;

/// <summary>Which applications to list: a setting's, and/or those of one status; paged by application id.</summary>
public sealed record ApplicationsQuery : PageQuery
{
    /// <summary>Only this setting's applications (heads and leads always get only their own).</summary>
    [FromQuery(Name = "settingUrn")]
    public string? SettingUrn { get; set; }

    /// <summary>draft, submitted, underReview, moreEvidenceRequested, awarded, notAwarded or withdrawn.</summary>
    [FromQuery(Name = "status")]
    public ApplicationStatus? Status { get; set; }

    public sealed class Validator : AbstractValidator<ApplicationsQuery>
    {
        public Validator()
        {
            Include(new PageQueryValidator(Cursors.IsGuidKey));
            RuleFor(q => q.SettingUrn).Urn("settingUrn").When(q => q.SettingUrn is not null);
        }
    }
}

/// <summary>An application in a list: where it stands, without its statements, evidence or judgements.</summary>
public sealed record ApplicationSummary(Guid Id, string SettingUrn, string Region, ApplicationKind Kind, ApplicationStatus Status,
    string? AssessorId, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt, Guid? AwardId)
{
    public static ApplicationSummary From(AwardApplication a) =>
        new(a.Id, a.SettingUrn, a.Region, a.Kind, a.Status, a.AssessorId, a.CreatedAt, a.SubmittedAt, a.DecidedAt, a.AwardId);
}

public static class GetApplicationsEndpoint
{
    /// <summary>
    /// Award applications, oldest first, filtered by `settingUrn` and `status`: admins see all, an assessor only those
    /// assigned to them (their work queue), heads and leads only their setting's.
    /// </summary>
    [Authorize(Roles = AwardsRoles.Readers)]
    [WolverineGet("/api/awards/applications", OperationId = "ListAwardApplications")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("List award applications")]
    public static async Task<Page<ApplicationSummary>> Get([AsParameters] ApplicationsQuery query, ClaimsPrincipal user, IQuerySession session,
        CancellationToken ct)
    {
        var after = query.After is { } key ? Guid.Parse(key) : Guid.Empty;
        var applications = session.Query<AwardApplication>().Where(a => a.Id.CompareTo(after) > 0);
        if (!user.IsInRole(Roles.Admin) && user.IsInRole(Roles.Assessor))
        {
            var assessor = user.UserId() ?? "";
            applications = applications.Where(a => a.AssessorId == assessor);
        }
        var urn = SettingAccess.IsSettingUser(user) ? user.SettingUrn() ?? "" : query.SettingUrn;
        if (urn is not null) applications = applications.Where(a => a.SettingUrn == urn);
        if (query.Status is { } status) applications = applications.Where(a => a.Status == status);
        var page = await applications.OrderBy(a => a.Id).Take(query.Take + 1).ToListAsync(ct);
        return page.ToPage(query.Take, a => a.Id.ToString()).Select(ApplicationSummary.From);
    }
}
