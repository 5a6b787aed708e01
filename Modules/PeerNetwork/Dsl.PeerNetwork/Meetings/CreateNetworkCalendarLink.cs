using Dsl.BuildingBlocks.Calendars;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;

namespace Dsl.PeerNetwork.Meetings;

/// <param name="Id">The link's id, to revoke it.</param>
/// <param name="Url">The private subscription address: anyone holding it sees the network's meetings, so share it with care.</param>
public sealed record NetworkCalendarLinkCreated(Guid Id, string Url, string Region, DateTimeOffset CreatedAt);

public static class CreateNetworkCalendarLinkEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(string region, ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await MeetingAccess.CanReadAsync(user, region, session, ct) ? WolverineContinue.NoProblems : MeetingAccess.NotFound(region);

    /// <summary>
    /// Makes a private subscription address for a network's meeting calendar (whoever may read its meetings). The
    /// address is shown only in this response and works without a token until revoked; the response is no-store.
    /// </summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverinePost("/api/peer-network/networks/{region}/calendar-links", OperationId = "CreateNetworkCalendarLink")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Make a private network calendar link")]
    public static Created<NetworkCalendarLinkCreated> Post(string region, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock,
        HttpRequest request, HttpResponse response, IConfiguration configuration)
    {
        var token = PrivateCalendarLinks.NewToken();
        var link = new NetworkCalendarLink
        {
            Id = Guid.CreateVersion7(), TokenHash = PrivateCalendarLinks.HashOf(token), Region = region, CreatedBy = user.UserId() ?? "",
            CreatedAt = clock.GetUtcNow(),
        };
        session.Insert(link);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/peer-network/calendar-links/{link.Id}",
            new NetworkCalendarLinkCreated(link.Id, PublicLinks.For(request, configuration, NetworkCalendarLink.PathFor(token)), region,
                link.CreatedAt));
    }
}
