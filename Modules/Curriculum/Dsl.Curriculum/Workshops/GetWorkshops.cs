using Dsl.Curriculum.Cohorts;

namespace Dsl.Curriculum.Workshops;

public static class GetWorkshopsEndpoint
{
    /// <summary>
    /// A cohort's schedule in start order, cancelled workshops included, with the elements no scheduled workshop covers
    /// (admin, the cohort's facilitator, heads and leads of its settings).
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/curriculum/cohorts/{cohortId}/workshops", OperationId = "GetWorkshops")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("List a cohort's workshops")]
    [ProducesResponseType<ScheduleView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid cohortId, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var cohort = await session.LoadAsync<CurriculumCohort>(cohortId, ct);
        if (!await CohortAccess.CanReadAsync(user, cohort, session, ct)) return Results.Problem(Problems.NotFound(CohortAccess.NotFound(cohortId)));
        // A cohort has a handful of workshop days: the whole schedule in one answer, no paging.
        var workshops = (await session.Query<Workshop>().Where(w => w.CohortId == cohortId).ToListAsync(ct))
            .OrderBy(w => w.StartsAt).ThenBy(w => w.Id).ToList();
        var scheduled = workshops.Where(w => w.Status == WorkshopStatus.Scheduled).ToList();
        var covered = scheduled.SelectMany(w => w.ElementCodes).ToHashSet();
        return TypedResults.Ok(new ScheduleView(cohortId, workshops.Select(WorkshopView.From).ToList(),
            WorkshopFacts.ElementCodes.Where(c => !covered.Contains(c)).ToList(),
            scheduled.Count == 0 ? null : scheduled.Min(w => w.StartsAt).ToUniversalTime()));
    }
}
