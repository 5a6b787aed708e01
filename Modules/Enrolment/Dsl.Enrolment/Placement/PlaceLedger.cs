using Dsl.Enrolment.Enrolments;
using Npgsql;

namespace Dsl.Enrolment.Placement;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

/// <summary>
/// The places of one academic year, read from the occupancy counters (ADR 0016) under transaction-scoped
/// advisory locks, so a cohort never exceeds its capacity nor a year its cap, whatever the concurrency
/// (ADR 0009). Locks, always taken
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

        // One round trip: the locks in their order, then what they protect, read after them (each statement of
        // the batch sees what was committed before it started, so the counts are those the locks make stable).
        var wholeYear = cohortId is null;
        var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(LockCommand(wholeYear ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared", YearKey(yearId)));
        if (cohortId is { } cohort)
        {
            // The cap lock only when the cohorts' capacities add up to more than the cap, since only then can the
            // cap bind (the configuration lock keeps both still); a row back says it was taken.
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"""
                select pg_advisory_xact_lock(hashtextextended($1, 0)) from {schema}.mt_doc_academicyear y
                where y.id = $2 and (y.data->>'placeCap')::int <
                    (select coalesce(sum((c.data->>'capacity')::int), 0) from {schema}.mt_doc_cohort c where c.academic_year_id = $2)
                """) { Parameters = { new() { Value = YearKey(yearId) + ":cap" }, new() { Value = yearId } } });
            batch.BatchCommands.Add(LockCommand("pg_advisory_xact_lock", $"dsl.enrolment.places:cohort:{cohort}"));
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"select (data->>'placeCap')::int from {schema}.mt_doc_academicyear where id = $1") { Parameters = { new() { Value = yearId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"select id, (data->>'capacity')::int from {schema}.mt_doc_cohort where academic_year_id = $1") { Parameters = { new() { Value = yearId } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"select cohort_id, queue_priority, held, waitlisted from {CohortOccupancyTable.Name} where academic_year_id = $1")
            { Parameters = { new() { Value = yearId } } });

        int? placeCap = null;
        var capacity = new Dictionary<Guid, int>();
        var occupancy = new List<(Guid Cohort, int Priority, int Held, int Waitlisted)>();
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            if (cohortId is not null)
            {
                await reader.NextResultAsync(ct);
                wholeYear = await reader.ReadAsync(ct); // the cap lock was taken: the year is one lane
                await reader.NextResultAsync(ct);
            }
            await reader.NextResultAsync(ct);
            if (await reader.ReadAsync(ct)) placeCap = reader.GetInt32(0);
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct)) capacity[reader.GetGuid(0)] = reader.GetInt32(1);
            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct)) occupancy.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        }
        if (placeCap is null) throw new InvalidOperationException($"Academic year {yearId} does not exist");

        // In one cohort's lane only that cohort's places count (the cap cannot bind there).
        var lanes = wholeYear ? capacity.Keys.ToHashSet() : [cohortId!.Value];
        var held = occupancy.Where(o => lanes.Contains(o.Cohort)).GroupBy(o => o.Cohort).ToDictionary(g => g.Key, g => g.Sum(o => o.Held));
        var queueAhead = queuePriority is null ? 0
            : occupancy.Where(o => o.Cohort == cohortId && o.Priority <= queuePriority).Sum(o => o.Waitlisted);
        return new PlaceLedger(yearId, placeCap.Value, capacity, held, lanes, wholeYear) { QueueAhead = queueAhead };
    }

    private static string YearKey(string yearId) => "dsl.enrolment.places:" + yearId;

    private static NpgsqlBatchCommand LockCommand(string function, string key) =>
        new($"select {function}(hashtextextended($1, 0))") { Parameters = { new() { Value = key } } };

    /// <summary>
    /// How many wait for a cohort ahead of an enrolment with this priority: the rule <see cref="QueueAhead"/>
    /// reads from the counters, for callers that hold the whole year instead of one lane.
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
