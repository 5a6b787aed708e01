using Dsl.BuildingBlocks.Calendars;

namespace Dsl.PeerNetwork.Meetings;

public static class GetPrivateNetworkCalendarEndpoint
{
    /// <summary>
    /// A network's meeting calendar behind a private link (no bearer token: the address is the secret). An unknown,
    /// malformed or revoked address is 404, the same for all so addresses cannot be probed.
    /// </summary>
    /// <param name="file">"{token}.ics", as in the url the link was made with.</param>
    [AllowAnonymous]
    [WolverineGet("/peer-network/calendar/{file}", OperationId = "GetPrivateNetworkCalendar")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Get a network calendar by its private link")]
    [Produces(IcsCalendar.MediaType)]
    public static async Task<IResult> Get(string file, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        var link = PrivateCalendarLinks.HashOfFile(file) is { } hash
            ? await session.Query<NetworkCalendarLink>().FirstOrDefaultAsync(l => l.TokenHash == hash, ct)
            : null;
        return link is null
            ? Results.Problem(Problems.NotFound("There is no calendar at this address."))
            : IcsCalendar.Result(await NetworkCalendar.FeedAsync(link.Region, session, ct), response);
    }
}
