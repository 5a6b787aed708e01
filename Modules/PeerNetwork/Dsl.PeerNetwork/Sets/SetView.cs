namespace Dsl.PeerNetwork.Sets;

public sealed record SetMemberView(Guid EnrolmentId, string? SettingPhase, bool Active);

public sealed record SetSessionView(int Number, DateTimeOffset StartsAt, string? LinkOrVenue, bool Held,
    IReadOnlyList<Guid> Presenters);

/// <summary>A set as its members, facilitator and admins see it (no notes: those are read on their own).</summary>
public sealed record SetView(Guid Id, string Name, string Region, string? FacilitatorId, SetDelivery Delivery, int CadenceWeeks,
    int SessionCount, string? LinkOrVenue, SetStatus Status, IReadOnlyList<SetMemberView> Members,
    IReadOnlyList<SetSessionView> Sessions, int Version)
{
    public static SetView From(ActionLearningSet set)
    {
        var plan = PresenterRotation.Plan(set);
        return new SetView(set.Id, set.Name, set.Region, set.FacilitatorId, set.Delivery, set.CadenceWeeks, set.SessionCount,
            set.LinkOrVenue, set.Status,
            set.Members.Select(m => new SetMemberView(m.EnrolmentId, m.SettingPhase, m.LeftAt is null)).ToList(),
            set.Sessions.Select(s => new SetSessionView(s.Number, s.StartsAt, s.LinkOrVenue, s.Held, plan[s.Number])).ToList(),
            set.Version);
    }
}

public static class SetLookup
{
    public static ProblemDetails NotFound(Guid id) => Problems.NotFound($"There is no action learning set {id} you can see.");

    /// <summary>Loads a set the user may read; others' sets are answered as missing (404), never 403.</summary>
    public static ProblemDetails Readable(ActionLearningSet? set, Guid id, ClaimsPrincipal user) =>
        set is not null && set.CanRead(user) ? WolverineContinue.NoProblems : NotFound(id);

    /// <summary>Admins change any set; a facilitator only the sets they facilitate.</summary>
    public static ProblemDetails Manageable(ActionLearningSet? set, Guid id, ClaimsPrincipal user) =>
        set is not null && (user.IsInRole(Roles.Admin) || set.IsFacilitatedBy(user)) ? WolverineContinue.NoProblems : NotFound(id);

    /// <summary>Only the facilitator runs the set's sessions (attendance, moving a session).</summary>
    public static ProblemDetails Facilitated(ActionLearningSet? set, Guid id, ClaimsPrincipal user) =>
        set is not null && set.IsFacilitatedBy(user) ? WolverineContinue.NoProblems : NotFound(id);

    /// <summary>Enrolments among <paramref name="ids"/> already active in an open set (other than <paramref name="except"/>).</summary>
    public static async Task<IReadOnlyList<Guid>> AlreadyInSetsAsync(IQuerySession session, IReadOnlyCollection<Guid> ids,
        Guid? except, CancellationToken ct)
    {
        var sets = await session.Query<ActionLearningSet>()
            .Where(s => s.Status != SetStatus.Completed && s.ActiveMemberIds.Any(m => ids.Contains(m))).ToListAsync(ct);
        return sets.Where(s => s.Id != except).SelectMany(s => s.ActiveMemberIds).Where(ids.Contains).Distinct().ToList();
    }
}
