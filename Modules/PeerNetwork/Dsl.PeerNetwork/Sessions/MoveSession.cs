using Dsl.PeerNetwork.Sets;

namespace Dsl.PeerNetwork.Sessions;

/// <param name="StartsAt">The session's new date and time, with its offset.</param>
/// <param name="LinkOrVenue">The session's link or venue, if it differs from the set's.</param>
public sealed record MoveSession(DateTimeOffset? StartsAt, string? LinkOrVenue)
{
    public sealed class Validator : AbstractValidator<MoveSession>
    {
        public Validator() => RuleFor(x => x.LinkOrVenue).MaximumLength(500);
    }
}

public static class MoveSessionEndpoint
{
    public static Task<ActionLearningSet?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<ActionLearningSet>(id, ct);

    public static ProblemDetails Validate(ActionLearningSet? set, Guid id, int n, ClaimsPrincipal user)
    {
        if (SetLookup.Facilitated(set, id, user) is { Status: not null } hidden) return hidden;
        if (n < 1 || n > set!.SessionCount) return Problems.NotFound($"Set {id} has no session {n}.");
        return set.Sessions.Single(s => s.Number == n).Held
            ? Problems.Conflict($"Session {n} was already held.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>Moves a session not yet held to another date, time or place (the set's facilitator; requires If-Match).</summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePatch("/api/peer-network/sets/{id}/sessions/{n}", OperationId = "MoveSession")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Move an action learning session")]
    [ProducesResponseType<SetView>(StatusCodes.Status200OK)]
    public static IResult Patch(MoveSession command, ActionLearningSet set, int n, [FromHeader(Name = "If-Match")] string? ifMatch,
        IDocumentSession session, HttpResponse response)
    {
        if (ETags.CheckIfMatch(ifMatch, set.Version) is { } stale) return Results.Problem(stale);
        var moved = set.Sessions.Single(s => s.Number == n);
        moved.StartsAt = command.StartsAt ?? moved.StartsAt;
        moved.LinkOrVenue = command.LinkOrVenue?.Trim() ?? moved.LinkOrVenue;
        session.UpdateToNextRevision(set, response);
        return TypedResults.Ok(SetView.From(set));
    }
}
