using Dsl.Enrolment.Contracts;
using Dsl.PeerNetwork.Contracts;
using Dsl.PeerNetwork.Sets;

namespace Dsl.PeerNetwork.Sessions;

/// <param name="Attended">The enrolment ids of the members who came; every other active member missed the session.</param>
public sealed record RecordSessionAttendance(IReadOnlyList<Guid>? Attended)
{
    public sealed class Validator : AbstractValidator<RecordSessionAttendance>
    {
        public Validator() => RuleFor(x => x.Attended).NotNull();
    }
}

public static class RecordSessionAttendanceEndpoint
{
    public const string MissedSessions = "missedActionLearningSessions";

    public static Task<ActionLearningSet?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<ActionLearningSet>(id, ct);

    public static ProblemDetails Validate(RecordSessionAttendance command, ActionLearningSet? set, Guid id, int n,
        ClaimsPrincipal user)
    {
        if (SetLookup.Facilitated(set, id, user) is { Status: not null } hidden) return hidden;
        if (n < 1 || n > set!.SessionCount) return Problems.NotFound($"Set {id} has no session {n}.");
        var strangers = command.Attended!.Except(set.ActiveMembers.Select(m => m.EnrolmentId)).ToList();
        return strangers.Count > 0
            ? Problems.Invalid("attended", $"Not active members of the set: {string.Join(", ", strangers)}.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// Records who came to a session (the set's facilitator). The presenters due who came have presented; those absent
    /// present next time. Two sessions missed in a row flag the enrolment at risk; the last session completes the set.
    /// </summary>
    [Authorize(Roles = Roles.AdminOrFacilitator)]
    [WolverinePut("/api/peer-network/sets/{id}/sessions/{n}/attendance", OperationId = "RecordSessionAttendance")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Record a session's attendance")]
    public static (SetView, OutgoingMessages) Put(RecordSessionAttendance command, ActionLearningSet set, int n,
        IDocumentSession session, TimeProvider clock, HttpResponse response)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        var attended = command.Attended!.Distinct().ToList();
        var current = set.Sessions.Single(s => s.Number == n);
        current.Presented = [.. PresenterRotation.DueAt(set, n, attended)];
        current.Attended = attended;

        var previous = set.Sessions.SingleOrDefault(s => s.Number == n - 1);
        foreach (var member in set.ActiveMembers.Where(m => !attended.Contains(m.EnrolmentId)))
        {
            var missedTwice = previous is { Attended: { } before } && !before.Contains(member.EnrolmentId);
            if (missedTwice && !set.FlaggedAtRisk.Contains(member.EnrolmentId))
            {
                set.FlaggedAtRisk.Add(member.EnrolmentId);
                messages.Add(new FlagEnrolmentAtRisk(member.EnrolmentId, MissedSessions));
            }
        }

        if (set.Status != SetStatus.Completed && set.Sessions.All(s => s.Held))
        {
            set.Status = SetStatus.Completed;
            set.Reindex();
            messages.Add(set.Describe(new ActionLearningSetCompleted(), now));
        }
        session.UpdateToNextRevision(set, response);
        return (SetView.From(set), messages);
    }
}
