namespace Dsl.PeerNetwork.Sets;

/// <summary>A lead the matcher may place: their enrolment, their setting's phase and type, and their cohort.</summary>
public sealed record MatchCandidate(Guid EnrolmentId, string? SettingPhase, string? SettingType, Guid CohortId);

public sealed record MatchedSet(IReadOnlyList<MatchCandidate> Members, string? FacilitatorId)
{
    /// <summary>How many members of each phase the set has (primary, secondary, allThrough, sixteenPlus, special, unknown).</summary>
    public IReadOnlyDictionary<string, int> PhaseMix => Members.GroupBy(m => SetMatcher.PhaseOf(m))
        .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}

/// <param name="Reason">fewerThanMinimum or noRoomInSets.</param>
public sealed record WaitingLead(Guid EnrolmentId, string Reason, string Detail);

public sealed record MatchResult(IReadOnlyList<MatchedSet> Sets, IReadOnlyList<WaitingLead> Waiting);

/// <summary>
/// Groups a region's unplaced leads into action learning sets of 5–8, deterministically (ADR 0023): leads are
/// pooled by phase (primary, secondary; all-through, 16-plus and special settings join the pool they fit best),
/// a pool too small for a set joins the other, each pool is cut into as few sets as its size needs with sizes
/// differing by at most one, cohorts are dealt across the sets, and facilitators are assigned round-robin.
/// </summary>
public static class SetMatcher
{
    public const int MinimumSize = 5;
    public const int MaximumSize = 8;

    private const string Primary = "primary";
    private const string Secondary = "secondary";

    /// <summary>The phase a lead is matched on: a special school is "special" whatever its phase.</summary>
    public static string PhaseOf(MatchCandidate c) =>
        c.SettingType == "specialSchool" ? "special" : c.SettingPhase is null or "notApplicable" ? "unknown" : c.SettingPhase;

    public static MatchResult Match(IEnumerable<MatchCandidate> candidates, IEnumerable<string> facilitatorIds)
    {
        // Everything is ordered by id first, so the same input always gives the same proposal.
        var all = candidates.DistinctBy(c => c.EnrolmentId).OrderBy(c => c.EnrolmentId).ToList();
        var facilitators = facilitatorIds.Distinct().Order(StringComparer.Ordinal).ToList();
        var waiting = new List<WaitingLead>();
        if (all.Count < MinimumSize)
        {
            waiting.AddRange(all.Select(c => new WaitingLead(c.EnrolmentId, "fewerThanMinimum",
                $"Only {all.Count} leads are not yet in a set; a set needs at least {MinimumSize}.")));
            return new MatchResult([], waiting);
        }

        var pools = Pool(all);
        var sets = new List<List<MatchCandidate>>();
        foreach (var pool in pools)
        {
            var count = SetCount(pool.Count);
            var placed = Math.Min(pool.Count, count * MaximumSize);
            // Cohort by cohort, dealt one to each set in turn: a cohort's leads land in different sets.
            var dealt = pool.OrderBy(c => c.CohortId).ThenBy(c => c.EnrolmentId).ToList();
            var groups = Enumerable.Range(0, count).Select(_ => new List<MatchCandidate>()).ToList();
            for (var i = 0; i < placed; i++) groups[i % count].Add(dealt[i]);
            waiting.AddRange(dealt.Skip(placed).Select(c => new WaitingLead(c.EnrolmentId, "noRoomInSets",
                $"{pool.Count} leads of this phase fill one set of {MaximumSize} but not two of {MinimumSize}.")));
            sets.AddRange(groups.Select(g => g.OrderBy(c => c.EnrolmentId).ToList()));
        }

        return new MatchResult(
            sets.Select((members, i) => new MatchedSet(members, facilitators.Count == 0 ? null : facilitators[i % facilitators.Count])).ToList(),
            waiting);
    }

    /// <summary>As few sets as keep every set at or under the maximum, but never so many that one falls below the minimum.</summary>
    public static int SetCount(int members)
    {
        var count = (members + MaximumSize - 1) / MaximumSize;
        return count * MinimumSize > members ? members / MinimumSize : count;
    }

    /// <summary>
    /// The phase pools: primary and secondary leads keep to their own; 16-plus leads join the secondary pool; all-through,
    /// special and unknown leads top up whichever pool is short of a set, else the smaller one. A pool still short of
    /// five joins the other, since a mixed set is better than no set.
    /// </summary>
    private static List<List<MatchCandidate>> Pool(List<MatchCandidate> all)
    {
        var primary = all.Where(c => PhaseOf(c) == Primary).ToList();
        var secondary = all.Where(c => PhaseOf(c) is Secondary or "sixteenPlus").ToList();
        foreach (var flexible in all.Where(c => PhaseOf(c) is not (Primary or Secondary or "sixteenPlus")))
        {
            var target = Short(primary) && !Short(secondary) ? primary
                : Short(secondary) && !Short(primary) ? secondary
                : Short(primary) ? (primary.Count >= secondary.Count ? primary : secondary)
                : primary.Count <= secondary.Count ? primary : secondary;
            target.Add(flexible);
        }

        if (primary.Count > 0 && primary.Count < MinimumSize) { secondary.AddRange(primary); primary.Clear(); }
        if (secondary.Count > 0 && secondary.Count < MinimumSize) { primary.AddRange(secondary); secondary.Clear(); }
        return new[] { primary, secondary }.Where(p => p.Count > 0).ToList();
    }

    // A pool that has leads but not yet enough for a set.
    private static bool Short(List<MatchCandidate> pool) => pool.Count is > 0 and < MinimumSize;
}
