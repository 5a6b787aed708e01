using Dsl.PeerNetwork.Sets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dsl.PeerNetwork.Sessions;

/// <param name="OwnerEnrolmentId">The presenter (a member of the set) who takes the action.</param>
/// <param name="What">What they will do.</param>
/// <param name="ByWhen">When by.</param>
public sealed record AddSessionAction(Guid? OwnerEnrolmentId, string What, DateOnly? ByWhen)
{
    public sealed class Validator : AbstractValidator<AddSessionAction>
    {
        public Validator()
        {
            RuleFor(x => x.OwnerEnrolmentId).NotNull();
            RuleFor(x => x.What).NotEmpty().MaximumLength(1000);
        }
    }
}

public sealed record SessionActionView(Guid Id, Guid OwnerEnrolmentId, string What, DateOnly? ByWhen, int FromSession, SessionActionStatus Status)
{
    public static SessionActionView From(SetAction a) => new(a.Id, a.OwnerEnrolmentId, a.What, a.ByWhen, a.FromSession, a.Status);
}

public static class AddSessionActionEndpoint
{
    public static Task<ActionLearningSet?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<ActionLearningSet>(id, ct);

    public static ProblemDetails Validate(AddSessionAction command, ActionLearningSet? set, Guid id, int n, ClaimsPrincipal user)
    {
        if (NoteAccess.Check(set, id, n, user) is { Status: not null } hidden) return hidden;
        return set!.ActiveMembers.Any(m => m.EnrolmentId == command.OwnerEnrolmentId)
            ? WolverineContinue.NoProblems
            : Problems.Invalid("ownerEnrolmentId", "The owner must be an active member of the set.");
    }

    /// <summary>Records a presenter's action from a session (the set's members or facilitator); it is carried until done or dropped.</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverinePost("/api/peer-network/sets/{id}/sessions/{n}/actions", OperationId = "AddSessionAction")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Record a presenter's action")]
    public static Created<SessionActionView> Post(AddSessionAction command, ActionLearningSet set, int n, IDocumentSession session,
        TimeProvider clock, HttpResponse response)
    {
        var action = new SetAction
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), OwnerEnrolmentId = command.OwnerEnrolmentId!.Value, What = command.What.Trim(),
            ByWhen = command.ByWhen, FromSession = n, Status = SessionActionStatus.Open,
        };
        set.Actions.Add(action);
        session.UpdateToNextRevision(set, response);
        return TypedResults.Created($"/api/peer-network/sets/{set.Id}/actions/{action.Id}", SessionActionView.From(action));
    }
}

/// <param name="Status">done or dropped (or open again).</param>
public sealed record ChangeSessionAction(SessionActionStatus? Status)
{
    public sealed class Validator : AbstractValidator<ChangeSessionAction>
    {
        public Validator() => RuleFor(x => x.Status).NotNull();
    }
}

public static class ChangeSessionActionEndpoint
{
    public static Task<ActionLearningSet?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<ActionLearningSet>(id, ct);

    public static ProblemDetails Validate(ActionLearningSet? set, Guid id, Guid actionId, ClaimsPrincipal user) =>
        set is null || !set.IsInside(user) ? SetLookup.NotFound(id)
        : set.Actions.All(a => a.Id != actionId) ? Problems.NotFound($"Set {id} has no action {actionId}.")
        : WolverineContinue.NoProblems;

    /// <summary>Marks a presenter's action done or dropped, so it is no longer carried (the set's members or facilitator).</summary>
    [Authorize(Roles = Roles.AdminFacilitatorOrLead)]
    [WolverinePatch("/api/peer-network/sets/{id}/actions/{actionId}", OperationId = "ChangeSessionAction")]
    [Tags(ApiTags.PeerNetwork)]
    [EndpointSummary("Mark a presenter's action done or dropped")]
    public static SessionActionView Patch(ChangeSessionAction command, ActionLearningSet set, Guid actionId, IDocumentSession session,
        HttpResponse response)
    {
        var action = set.Actions.Single(a => a.Id == actionId);
        action.Status = command.Status!.Value;
        action.ClosedAtSession = action.Status == SessionActionStatus.Open ? null : set.Sessions.Count(s => s.Held);
        session.UpdateToNextRevision(set, response);
        return SessionActionView.From(action);
    }
}
