using Dsl.Enrolment.Cohorts;

namespace Dsl.Enrolment.Enrolments;

public sealed record GetEnrolmentsQuery : PageQuery
{
    [FromQuery(Name = "cohort")] public Guid? Cohort { get; set; }
    /// <summary>The setting's programme region code.</summary>
    [FromQuery(Name = "region")] public string? Region { get; set; }
    /// <summary>Academic year id, e.g. "2023-24".</summary>
    [FromQuery(Name = "year")] public string? Year { get; set; }
    [FromQuery(Name = "status")] public EnrolmentStatus? Status { get; set; }
    /// <summary>Setting URN.</summary>
    [FromQuery(Name = "setting")] public string? Setting { get; set; }

    public sealed class Validator : AbstractValidator<GetEnrolmentsQuery>
    {
        public Validator() => Include(new PageQueryValidator());
    }
}

public static class GetEnrolmentsEndpoint
{
    /// <summary>Enrolments in submission order, filtered. Heads and leads see only their own setting's.</summary>
    [Authorize(Roles = Roles.AdminOrSettingUsers)]
    [WolverineGet("/api/enrolments", OperationId = "GetEnrolments")]
    [Tags(ApiTags.Enrolments)]
    [EndpointSummary("List enrolments")]
    public static async Task<Page<EnrolmentView>> Get([AsParameters] GetEnrolmentsQuery query, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct)
    {
        var after = query.After ?? "";
        var setting = user.IsInRole(Roles.Admin) ? query.Setting : user.SettingUrn();
        var enrolments = session.Query<Enrolment>().Where(e => e.ListKey.CompareTo(after) > 0);
        if (query.Cohort is not null) enrolments = enrolments.Where(e => e.CohortId == query.Cohort);
        if (query.Region is not null) enrolments = enrolments.Where(e => e.Region == query.Region);
        if (query.Year is not null) enrolments = enrolments.Where(e => e.AcademicYearId == query.Year);
        if (query.Status is not null) enrolments = enrolments.Where(e => e.Status == query.Status);
        if (setting is not null) enrolments = enrolments.Where(e => e.SettingUrn == setting);

        var page = await enrolments.OrderBy(e => e.ListKey).Take(query.Take + 1).ToListAsync(ct);
        var leads = await session.LoadManyAsync<Lead>(ct, page.Select(e => e.LeadId).ToArray());
        var byId = leads.ToDictionary(l => l.Id);
        return page.ToPage(query.Take, e => e.ListKey).Select(e => EnrolmentView.From(e, byId.GetValueOrDefault(e.LeadId)));
    }
}

/// <summary>One lead on a cohort's roster.</summary>
public sealed record RosterEntry(Guid EnrolmentId, string SettingUrn, string SettingName, string LeadName,
    string LeadJobTitle, EnrolmentStatus Status, bool AtRisk);

public static class GetCohortRosterEndpoint
{
    public static ProblemDetails Validate(Cohort cohort, ClaimsPrincipal user) =>
        CohortOccupancyQuery.CanSee(user, cohort) ? WolverineContinue.NoProblems : Problems.NotFound($"There is no cohort {cohort.Id}.");

    /// <summary>The leads holding a place in a cohort (admin, or the cohort's facilitator).</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverineGet("/api/cohorts/{id}/roster", OperationId = "GetCohortRoster")]
    [Tags(ApiTags.Cohorts)]
    [EndpointSummary("Get a cohort's roster")]
    public static async Task<Page<RosterEntry>> Get([Wolverine.Persistence.Entity("id")] Cohort cohort,
        [AsParameters] GetRosterQuery query, IQuerySession session, CancellationToken ct)
    {
        var after = query.After ?? "";
        var holders = await session.Query<Enrolment>()
            .Where(e => e.CohortId == cohort.Id && e.HoldsPlace && e.ListKey.CompareTo(after) > 0)
            .OrderBy(e => e.ListKey).Take(query.Take + 1).ToListAsync(ct);
        var leads = (await session.LoadManyAsync<Lead>(ct, holders.Select(e => e.LeadId).ToArray())).ToDictionary(l => l.Id);
        var settings = (await session.LoadManyAsync<Settings.Setting>(ct, holders.Select(e => e.SettingUrn).Distinct().ToArray()))
            .ToDictionary(s => s.Urn);
        return holders.ToPage(query.Take, e => e.ListKey).Select(e => new RosterEntry(e.Id, e.SettingUrn,
            settings.GetValueOrDefault(e.SettingUrn)?.Name ?? "", leads.GetValueOrDefault(e.LeadId)?.Name ?? "",
            leads.GetValueOrDefault(e.LeadId)?.JobTitle ?? "", e.Status, e.AtRisk));
    }
}

public sealed record GetRosterQuery : PageQuery
{
    public sealed class Validator : AbstractValidator<GetRosterQuery>
    {
        public Validator() => Include(new PageQueryValidator());
    }
}
