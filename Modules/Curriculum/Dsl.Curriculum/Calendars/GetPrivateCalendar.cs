using Dsl.BuildingBlocks.Calendars;
using Dsl.Curriculum.Progress;

namespace Dsl.Curriculum.Calendars;

public static class GetPrivateCalendarEndpoint
{
    /// <summary>
    /// The calendar behind a private link (no bearer token: the address is the secret). An unknown, malformed or
    /// revoked address is 404, the same for all so addresses cannot be probed; so is a lead's record that is gone.
    /// </summary>
    /// <param name="file">"{token}.ics", as in the url the link was made with.</param>
    [AllowAnonymous]
    [WolverineGet("/calendar/{file}", OperationId = "GetPrivateCalendar")]
    [Tags(ApiTags.Curriculum)]
    [EndpointSummary("Get a calendar by its private link")]
    [Produces(CalendarFeed.MediaType)]
    public static async Task<IResult> Get(string file, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        var notFound = Results.Problem(Problems.NotFound("There is no calendar at this address."));
        if (PrivateCalendarLinks.HashOfFile(file) is not { } hash) return notFound;
        var link = await session.Query<CalendarLink>().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null) return notFound;
        if (link.CohortId is { } cohortId)
        {
            var cohort = await session.LoadAsync<Cohorts.CurriculumCohort>(cohortId, ct);
            return IcsCalendar.Result(await CalendarAccess.CohortFeedAsync(cohortId, cohort?.Name, session, ct), response);
        }
        var progress = await session.LoadAsync<LeadProgress>(link.EnrolmentId!.Value, ct);
        return progress is null ? notFound : IcsCalendar.Result(await CalendarAccess.ProgressFeedAsync(progress, session, ct), response);
    }
}
