using Dsl.PeerNetwork.Sets;

namespace Dsl.PeerNetwork.Sessions;

/// <param name="Presenters">Who presents at this session (as held, or as planned).</param>
/// <param name="CarriedActions">Actions from earlier sessions still open, each with the session it came from.</param>
/// <param name="LastSessionAt">When the previous session was (null for the first).</param>
public sealed record SessionAgenda(Guid SetId, int Number, DateTimeOffset StartsAt, string? LinkOrVenue, IReadOnlyList<Guid> Presenters,
    IReadOnlyList<SessionActionView> CarriedActions, DateTimeOffset? LastSessionAt);

public static class GetAgendaEndpoint
{
    public static Task<ActionLearningSet?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<ActionLearningSet>(id, ct);

    public static ProblemDetails Validate(ActionLearningSet? set, Guid id, int n, ClaimsPrincipal user) => NoteAccess.Check(set, id, n, user);

    /// <summary>A session's agenda: its presenters, the actions carried from earlier sessions, and the last session's date (the set's members or facilitator).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverineGet("/api/peer-network/sets/{id}/sessions/{n}/agenda", OperationId = "GetSessionAgenda")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Get a session's agenda")]
    public static SessionAgenda Get(ActionLearningSet set, int n)
    {
        var session = set.Sessions.Single(s => s.Number == n);
        var carried = set.Actions.Where(a => a.FromSession < n && a.Status == SessionActionStatus.Open).OrderBy(a => a.FromSession).ThenBy(a => a.Id).Select(SessionActionView.From).ToList();
        return new SessionAgenda(set.Id, n, session.StartsAt, session.LinkOrVenue, PresenterRotation.Plan(set)[n], carried,
            set.Sessions.SingleOrDefault(s => s.Number == n - 1)?.StartsAt);
    }
}
