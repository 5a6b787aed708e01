using Dsl.PeerNetwork.Sets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.PeerNetwork.Sessions;

public sealed record WriteSessionNote(string Text)
{
    public sealed class Validator : AbstractValidator<WriteSessionNote>
    {
        public Validator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(10_000);
    }
}

public sealed record SessionNoteView(Guid Id, int SessionNumber, Guid? AuthorEnrolmentId, string? AuthorFacilitatorId, string Text,
    DateTimeOffset WrittenAt)
{
    public static SessionNoteView From(SessionNote n) => new(n.Id, n.SessionNumber, n.AuthorEnrolmentId, n.AuthorFacilitatorId, n.Text, n.WrittenAt);
}

/// <summary>Notes are for the set's own people only: admins, heads and other facilitators get the same 404 as a missing set.</summary>
public static class NoteAccess
{
    public static ProblemDetails Check(ActionLearningSet? set, Guid id, int n, ClaimsPrincipal user) =>
        set is null || !set.IsInside(user) ? SetLookup.NotFound(id)
        : n < 1 || n > set.SessionCount ? Problems.NotFound($"Set {id} has no session {n}.")
        : WolverineContinue.NoProblems;
}

public static class GetSessionNotesEndpoint
{
    public static Task<ActionLearningSet?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<ActionLearningSet>(id, ct);

    public static ProblemDetails Validate(ActionLearningSet? set, Guid id, int n, ClaimsPrincipal user) => NoteAccess.Check(set, id, n, user);

    /// <summary>A session's confidential notes (only the set's members and its facilitator).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverineGet("/api/peer-network/sets/{id}/sessions/{n}/notes", OperationId = "GetSessionNotes")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Read a session's confidential notes")]
    public static async Task<IReadOnlyList<SessionNoteView>> Get(Guid id, int n, IQuerySession session, CancellationToken ct) =>
        (await session.Query<SessionNote>().Where(x => x.SetId == id && x.SessionNumber == n).OrderBy(x => x.WrittenAt).ToListAsync(ct))
        .Select(SessionNoteView.From).ToList();
}

public static class WriteSessionNoteEndpoint
{
    public static Task<ActionLearningSet?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<ActionLearningSet>(id, ct);

    public static ProblemDetails Validate(ActionLearningSet? set, Guid id, int n, ClaimsPrincipal user) => NoteAccess.Check(set, id, n, user);

    /// <summary>Adds a confidential note to a session (only the set's members and its facilitator).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrSettingUsers)]
    [WolverinePost("/api/peer-network/sets/{id}/sessions/{n}/notes", OperationId = "WriteSessionNote")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Write a confidential session note")]
    public static (Created<SessionNoteView>, IMartenOp) Post(WriteSessionNote command, ActionLearningSet set, int n, ClaimsPrincipal user,
        TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var member = set.MemberFor(user);
        var note = new SessionNote
        {
            Id = Guid.CreateVersion7(now), SetId = set.Id, SessionNumber = n, AuthorEnrolmentId = member?.EnrolmentId,
            AuthorFacilitatorId = member is null ? user.UserId() : null, Text = command.Text, WrittenAt = now,
        };
        return (TypedResults.Created($"/api/peer-network/sets/{set.Id}/sessions/{n}/notes", SessionNoteView.From(note)), MartenOps.Insert(note));
    }
}
