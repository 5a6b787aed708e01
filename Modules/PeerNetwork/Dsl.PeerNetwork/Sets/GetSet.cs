namespace Dsl.PeerNetwork.Sets;

public static class GetSetEndpoint
{
    public static Task<ActionLearningSet?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<ActionLearningSet>(id, ct);

    public static ProblemDetails Validate(ActionLearningSet? set, Guid id, ClaimsPrincipal user) => SetLookup.Readable(set, id, user);

    /// <summary>An action learning set with its sessions and the presenters planned for each (its members, its facilitator, admins).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverineGet("/api/peer-network/sets/{id}", OperationId = "GetActionLearningSet")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Get an action learning set")]
    public static SetView Get(ActionLearningSet set, HttpResponse response)
    {
        response.SetETag(set.Version);
        return SetView.From(set);
    }
}
