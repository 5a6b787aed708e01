using Dsl.BuildingBlocks.Calendars;
using Dsl.Curriculum.Cohorts;

namespace Dsl.Curriculum.Calendars;

public static class GetCohortCalendarEndpoint
{
    public static Task<CurriculumCohort?> LoadAsync(Guid cohortId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<CurriculumCohort>(cohortId, ct);

    public static async Task<ProblemDetails> ValidateAsync(CurriculumCohort? cohort, Guid cohortId, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct) =>
        await CohortAccess.CanReadAsync(user, cohort, session, ct)
            ? WolverineContinue.NoProblems
            : Problems.NotFound($"There is no cohort {cohortId}.");

    /// <summary>
    /// The cohort's workshops as an iCalendar (RFC 5545) feed, for those who may read its schedule. Calendar apps
    /// that cannot send a bearer token subscribe through a private calendar link instead.
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/curriculum/cohorts/{cohortId}/calendar.ics", OperationId = "GetCohortCalendar")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a cohort's workshop calendar")]
    [Produces(CalendarFeed.MediaType)]
    public static async Task<IResult> Get(CurriculumCohort cohort, IQuerySession session, HttpResponse response,
        CancellationToken ct) =>
        IcsCalendar.Result(await CalendarAccess.CohortFeedAsync(cohort.Id, cohort.Name, session, ct), response);
}
