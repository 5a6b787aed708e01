namespace Dsl.PeerNetwork.Meetings;

public static class RevokeNetworkCalendarLinkEndpoint
{
    public static Task<NetworkCalendarLink?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<NetworkCalendarLink>(id, ct);

    public static ProblemDetails Validate(NetworkCalendarLink? link, Guid id, ClaimsPrincipal user) =>
        link is not null && (user.IsInRole(Roles.Admin) || link.CreatedBy == user.UserId())
            ? WolverineContinue.NoProblems
            : Problems.NotFound($"There is no calendar link {id}.");

    /// <summary>Revokes a private network calendar link (the user who made it, or an admin): its address answers 404 from now on.</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverineDelete("/api/peer-network/calendar-links/{id}", OperationId = "RevokeNetworkCalendarLink")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Revoke a private network calendar link")]
    public static IResult Delete([NotBody] NetworkCalendarLink link, IDocumentSession session)
    {
        session.Delete(link);
        return TypedResults.NoContent();
    }
}
