using Dsl.BuildingBlocks.Calendars;

namespace Dsl.PeerNetwork.Meetings;

public static class GetNetworkCalendarEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(string region, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await MeetingAccess.CanReadAsync(user, region, session, ct) ? WolverineContinue.NoProblems : MeetingAccess.NotFound(region);

    /// <summary>
    /// A network's meetings as an iCalendar (RFC 5545) feed, for whoever may read them. Calendar apps that cannot send
    /// a bearer token subscribe through a private calendar link instead.
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverineGet("/api/peer-network/networks/{region}/calendar.ics", OperationId = "GetNetworkCalendar")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Get a network's meeting calendar")]
    [Produces(IcsCalendar.MediaType)]
    public static async Task<IResult> Get(string region, IQuerySession session, HttpResponse response, CancellationToken ct) =>
        IcsCalendar.Result(await NetworkCalendar.FeedAsync(region, session, ct), response);
}
