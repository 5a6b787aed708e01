using Dsl.BuildingBlocks.Calendars;
using Dsl.Curriculum.Progress;

namespace Dsl.Curriculum.Calendars;

public static class GetProgressCalendarEndpoint
{
    public static Task<LeadProgress?> LoadAsync(Guid enrolmentId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<LeadProgress>(enrolmentId, ct);

    public static async Task<ProblemDetails> ValidateAsync(LeadProgress? progress, Guid enrolmentId, ClaimsPrincipal user,
        IQuerySession session, CancellationToken ct) =>
        await LeadInCohort.CanReadAsync(user, progress, session, ct)
            ? WolverineContinue.NoProblems
            : Problems.NotFound(LeadInCohort.NotFound(enrolmentId));

    /// <summary>A lead's workshops (those of their current cohort) as an iCalendar (RFC 5545) feed.</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/curriculum/progress/{enrolmentId}/calendar.ics", OperationId = "GetProgressCalendar")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a lead's workshop calendar")]
    [Produces(CalendarFeed.MediaType)]
    public static async Task<IResult> Get(LeadProgress progress, IQuerySession session, HttpResponse response,
        CancellationToken ct) =>
        IcsCalendar.Result(await CalendarAccess.ProgressFeedAsync(progress, session, ct), response);
}
