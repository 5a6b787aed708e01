using Dsl.Enrolment.Enrolments;
using Npgsql;

namespace Dsl.Enrolment.Placement;

using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;

/// <summary>
/// The places of one academic year, read under transaction-scoped advisory locks, so a cohort never
/// exceeds its capacity nor a year its cap, whatever the concurrency (ADR 0009). Locks, always taken
/// in this order and released by commit or rollback:
/// <list type="number">
/// <item>the year's configuration lock — shared by place operations, exclusive for capacity and cap
/// changes, transfers and offers across cohorts;</item>
/// <item>the year's cap lock — only when the cohorts' capacities add up to more than the cap, since
/// only then can the cap bind;</item>
/// <item>the cohort's lock.</item>
/// </list>
/// So while a year has slack, each cohort is its own lane; otherwise the year is one lane.
/// </summary>
public sealed class PlaceLedger
{
    private readonly Dictionary<Guid, int> _capacity;
    private readonly Dictionary<Guid, int> _held;
    private readonly HashSet<Guid> _lanes;

    private PlaceLedger(string yearId, int placeCap, Dictionary<Guid, int> capacity, Dictionary<Guid, int> held,
        HashSet<Guid> lanes, bool wholeYear)
    {
        YearId = yearId;
        PlaceCap = placeCap;
        _capacity = capacity;
        _held = held;
        _lanes = lanes;
        WholeYear = wholeYear;
    }

    public string YearId { get; }
    /// <summary>For a cohort lane locked on behalf of one enrolment: how many wait in that cohort ahead of it.</summary>
    public int QueueAhead { get; private init; }
    public int PlaceCap { get; private set; }
    /// <summary>True when this transaction may place into any cohort of the year.</summary>
    public bool WholeYear { get; }
    /// <summary>Places held in the locked lanes: the whole year's when <see cref="WholeYear"/>; in one cohort's lane the cap cannot bind.</summary>
    public int HeldInYear => _held.Values.Sum();

    public int HeldIn(Guid cohortId) => _held.GetValueOrDefault(cohortId);

    public bool HasRoom(Guid cohortId) =>
        _capacity.TryGetValue(cohortId, out var capacity) && HeldIn(cohortId) < capacity && HeldInYear < PlaceCap;

    public void Hold(Guid cohortId) => _held[cohortId] = HeldIn(cohortId) + 1;

    public void Release(Guid cohortId) => _held[cohortId] = Math.Max(0, HeldIn(cohortId) - 1);

    /// <summary>Counts with a cohort's new capacity from here on (needs the whole year locked).</summary>
    public void Use(Dsl.Enrolment.Cohorts.Cohort cohort) => _capacity[cohort.Id] = cohort.Capacity;

    /// <summary>Counts with the year's new cap from here on (needs the whole year locked).</summary>
    public void Use(AcademicYears.AcademicYear year) => PlaceCap = year.PlaceCap;

    /// <summary>
    /// Locks one cohort's lane (or the year's, if its cap can bind) for a place operation. With a queue
    /// priority it also counts, under the same lock and in the same round trip, who waits ahead.
    /// </summary>
    public static Task<PlaceLedger> LockCohortAsync(IDocumentSession session, string academicYearId, Guid cohortId,
        CancellationToken ct, int? queuePriority = null) => LockAsync(session, academicYearId, cohortId, ct, queuePriority);

    /// <summary>Locks the whole year: for capacity and cap changes and transfers.</summary>
    public static Task<PlaceLedger> LockYearAsync(IDocumentSession session, string academicYearId, CancellationToken ct) =>
        LockAsync(session, academicYearId, null, ct, null);

    private static async Task<PlaceLedger> LockAsync(IDocumentSession session, string yearId, Guid? cohortId,
        CancellationToken ct, int? queuePriority)
    {
        await session.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)session.Connection!;
        var schema = EnrolmentModule.Schema;

        // Round trip 1: the year's configuration lock, then its cap and cohort capacities, now stable.
        var wholeYear = cohortId is null;
        var configuration = new NpgsqlBatch(connection);
        configuration.BatchCommands.Add(LockCommand(wholeYear ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared", YearKey(yearId)));
        configuration.BatchCommands.Add(new NpgsqlBatchCommand(
            $"select (data->>'placeCap')::int from {schema}.mt_doc_academicyear where id = $1") { Parameters = { new() { Value = yearId } } });
        configuration.BatchCommands.Add(new NpgsqlBatchCommand(
            $"select id, (data->>'capacity')::int from {schema}.mt_doc_cohort where academic_year_id = $1") { Parameters = { new() { Value = yearId } } });
        int? placeCap = null;
        var capacity = new Dictionary<Guid, int>();
        await using (var reader = await configuration.ExecuteReaderAsync(ct))
        {
            await reader.NextResultAsync(ct);
            if (await reader.ReadAsync(ct)) placeCap = reader.GetInt32(0);
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct)) capacity[reader.GetGuid(0)] = reader.GetInt32(1);
        }
        if (placeCap is null) throw new InvalidOperationException($"Academic year {yearId} does not exist");

        // Round trip 2: the lane's locks, then the places held, which those locks protect.
        var capCanBind = capacity.Values.Sum() > placeCap;
        wholeYear |= capCanBind;
        var places = new NpgsqlBatch(connection);
        if (cohortId is { } cohort)
        {
            if (capCanBind) places.BatchCommands.Add(LockCommand("pg_advisory_xact_lock", YearKey(yearId) + ":cap"));
            places.BatchCommands.Add(LockCommand("pg_advisory_xact_lock", $"dsl.enrolment.places:cohort:{cohort}"));
        }
        // In one cohort's lane only that cohort's places matter (the cap cannot bind), so only they are counted.
        places.BatchCommands.Add(wholeYear
            ? new NpgsqlBatchCommand(
                $"select cohort_id, count(*) from {schema}.mt_doc_enrolment where academic_year_id = $1 and holds_place group by cohort_id")
                { Parameters = { new() { Value = yearId } } }
            : new NpgsqlBatchCommand(
                $"select cohort_id, count(*) from {schema}.mt_doc_enrolment where cohort_id = $1 and holds_place group by cohort_id")
                { Parameters = { new() { Value = cohortId!.Value } } });
        var locks = places.BatchCommands.Count - 1;
        if (queuePriority is not null)
            places.BatchCommands.Add(new NpgsqlBatchCommand(
                $"select count(*) from {schema}.mt_doc_enrolment where cohort_id = $1 and data->>'status' = 'waitlisted' " +
                "and (data->>'queuePriority')::int <= $2") { Parameters = { new() { Value = cohortId!.Value }, new() { Value = queuePriority.Value } } });
        var held = new Dictionary<Guid, int>();
        var queueAhead = 0;
        await using (var reader = await places.ExecuteReaderAsync(ct))
        {
            for (var lockResult = 0; lockResult < locks; lockResult++) await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct)) held[reader.GetGuid(0)] = (int)reader.GetInt64(1);
            if (queuePriority is not null && await reader.NextResultAsync(ct) && await reader.ReadAsync(ct))
                queueAhead = (int)reader.GetInt64(0);
        }

        var lanes = wholeYear ? capacity.Keys.ToHashSet() : [cohortId!.Value];
        return new PlaceLedger(yearId, placeCap.Value, capacity, held, lanes, wholeYear) { QueueAhead = queueAhead };
    }

    private static string YearKey(string yearId) => "dsl.enrolment.places:" + yearId;

    private static NpgsqlBatchCommand LockCommand(string function, string key) =>
        new($"select {function}(hashtextextended($1, 0))") { Parameters = { new() { Value = key } } };

    /// <summary>
    /// How many wait for a cohort ahead of an enrolment with this priority: the rule the locked batch above
    /// also counts, for callers that hold the whole year instead of one lane.
    /// </summary>
    public static Task<int> WaitingAheadAsync(IQuerySession session, Guid cohortId, int priority, CancellationToken ct) =>
        session.Query<Enrolment>()
            .CountAsync(e => e.CohortId == cohortId && e.Status == EnrolmentStatus.Waitlisted && e.QueuePriority <= priority, ct);

    /// <summary>
    /// Chooses who is offered the places the locked lanes now have room for: state-funded before
    /// independent, then in the order they joined the waitlist.
    /// </summary>
    public async Task<IReadOnlyList<Enrolment>> NextToOfferAsync(IQuerySession session, CancellationToken ct,
        params Guid[] excluding)
    {
        var lanes = _lanes.ToArray();
        var waitlist = await session.Query<Enrolment>()
            .Where(e => e.AcademicYearId == YearId && e.Status == EnrolmentStatus.Waitlisted && e.CohortId.In(lanes))
            .OrderBy(e => e.QueuePriority).ThenBy(e => e.WaitlistedAt).ThenBy(e => e.ListKey)
            .ToListAsync(ct);
        var chosen = new List<Enrolment>();
        foreach (var candidate in waitlist.Where(e => !excluding.Contains(e.Id)))
        {
            if (HeldInYear >= PlaceCap) break;
            if (!HasRoom(candidate.CohortId)) continue;
            Hold(candidate.CohortId);
            chosen.Add(candidate);
        }
        return chosen;
    }
}
