namespace Dsl.Enrolment.Cohorts;

public sealed record GetCohortsQuery : PageQuery
{
    /// <summary>Academic year id, e.g. "2023-24".</summary>
    [FromQuery(Name = "year")] public string? Year { get; set; }
    /// <summary>Programme region code or "national".</summary>
    [FromQuery(Name = "region")] public string? Region { get; set; }

    public sealed class Validator : AbstractValidator<GetCohortsQuery>
    {
        public Validator()
        {
            Include(new PageQueryValidator(Cursors.IsGuidKey));
            RuleFor(x => x.Region).CohortRegion().When(x => x.Region is not null);
        }
    }
}

public static class GetCohortsEndpoint
{
    /// <summary>Cohorts by year and region, with their occupancy. Facilitators see their own cohorts.</summary>
    [Authorize]
    [WolverineGet("/api/cohorts", OperationId = "GetCohorts")]
    [Tags(ApiTags.Cohorts)]
    [EndpointSummary("List cohorts")]
    public static async Task<Page<CohortView>> Get([AsParameters] GetCohortsQuery query, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct)
    {
        var after = query.After is null ? Guid.Empty : Guid.Parse(query.After);
        IQueryable<Cohort> cohorts = session.Query<Cohort>();
        if (query.Year is not null) cohorts = cohorts.Where(c => c.AcademicYearId == query.Year);
        if (query.Region is not null) cohorts = cohorts.Where(c => c.Region == query.Region);
        if (user.IsInRole(Roles.Facilitator) && !user.IsInRole(Roles.Admin))
        {
            var me = user.UserId();
            cohorts = cohorts.Where(c => c.FacilitatorId == me);
        }
        // Cohorts number in the hundreds, so ordering and paging in memory keeps the cursor simple and exact.
        var page = (await cohorts.ToListAsync(ct)).OrderBy(c => c.Id)
            .Where(c => c.Id.CompareTo(after) > 0).Take(query.Take + 1).ToList();
        var occupancy = await CohortOccupancyQuery.ForAsync(session, page.Select(c => c.Id).ToList(), ct);
        return page.Select(c => CohortView.From(c, occupancy.GetValueOrDefault(c.Id, CohortOccupancy.Empty))).ToList()
            .ToPage(query.Take, c => c.Id.ToString());
    }
}
