namespace Dsl.PeerNetwork.Sets;

/// <summary>
/// Who presents in each session. Every member presents once before anyone presents twice: the next presenters are
/// the active members who have presented least, and among those a member whose turn was missed (absent when planned)
/// comes first, then the set's own order. A held session's presenters are what happened; later ones are the plan.
/// </summary>
public static class PresenterRotation
{
    /// <summary>Presenters per session: enough for everyone to present once over the set's sessions.</summary>
    public static int PerSession(int members, int sessions) => Math.Max(1, (members + sessions - 1) / Math.Max(1, sessions));

    public static IReadOnlyDictionary<int, IReadOnlyList<Guid>> Plan(ActionLearningSet set) =>
        Plan(set.ActiveMembers.Select(m => m.EnrolmentId).ToList(),
            set.Sessions.OrderBy(s => s.Number).Select(s => (s.Number, s.Attended, (IReadOnlyList<Guid>)s.Presented)).ToList(),
            set.SessionCount);

    /// <param name="members">The active members in the set's order.</param>
    /// <param name="sessions">Each session with its attendance (null if not yet held) and, if held, who presented.</param>
    public static IReadOnlyDictionary<int, IReadOnlyList<Guid>> Plan(IReadOnlyList<Guid> members,
        IReadOnlyList<(int Number, List<Guid>? Attended, IReadOnlyList<Guid> Presented)> sessions, int sessionCount)
    {
        var perSession = PerSession(members.Count, sessionCount);
        var times = members.ToDictionary(m => m, _ => 0);
        var missed = new HashSet<Guid>();
        var order = members.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        var plan = new Dictionary<int, IReadOnlyList<Guid>>();
        foreach (var (number, attended, presented) in sessions)
        {
            if (attended is not null)
            {
                var due = Next(perSession, times, missed, order);
                foreach (var m in due.Where(m => !attended.Contains(m))) missed.Add(m);
                foreach (var m in presented.Where(times.ContainsKey)) { times[m]++; missed.Remove(m); }
                plan[number] = presented;
            }
            else
            {
                var next = Next(perSession, times, missed, order);
                foreach (var m in next) { times[m]++; missed.Remove(m); }
                plan[number] = next;
            }
        }
        return plan;
    }

    /// <summary>The presenters due at a session being held now, from those who attended.</summary>
    public static IReadOnlyList<Guid> DueAt(ActionLearningSet set, int number, IReadOnlyCollection<Guid> attended)
    {
        var earlier = set.Sessions.Where(s => s.Number < number).OrderBy(s => s.Number)
            .Select(s => (s.Number, s.Attended, (IReadOnlyList<Guid>)s.Presented)).ToList();
        var members = set.ActiveMembers.Select(m => m.EnrolmentId).ToList();
        // The plan for this session, as if it were still to come; those absent keep their turn for the next one.
        var planned = Plan(members, [.. earlier, (number, null, [])], set.SessionCount)[number];
        return planned.Where(attended.Contains).ToList();
    }

    private static List<Guid> Next(int count, Dictionary<Guid, int> times, HashSet<Guid> missed, Dictionary<Guid, int> order) =>
        times.Keys.OrderBy(m => times[m]).ThenBy(m => missed.Contains(m) ? 0 : 1).ThenBy(m => order[m]).Take(count).ToList();
}
