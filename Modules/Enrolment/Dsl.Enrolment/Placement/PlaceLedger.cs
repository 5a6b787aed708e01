using Dsl.Enrolment.AcademicYears;
using Dsl.Enrolment.Cohorts;
using Dsl.Enrolment.Enrolments;
using Marten;
using Npgsql;

namespace Dsl.Enrolment.Placement;

using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;

/// <summary>
/// The places of one academic year, read under a transaction-scoped advisory lock on that year.
/// Every command that takes or frees a place loads the ledger first, so allocations in a year are
/// serialised: a cohort never exceeds its capacity nor a year its cap, whatever the concurrency.
/// The lock is released when the command's transaction commits or rolls back.
/// </summary>
public sealed class PlaceLedger
{
    private readonly Dictionary<Guid, int> _held;
    private readonly Dictionary<Guid, Cohort> _cohorts;

    private PlaceLedger(AcademicYear year, Dictionary<Guid, Cohort> cohorts, Dictionary<Guid, int> held)
    {
        Year = year;
        _cohorts = cohorts;
        _held = held;
    }

    public AcademicYear Year { get; private set; }
    public IReadOnlyDictionary<Guid, Cohort> Cohorts => _cohorts;

    /// <summary>Counts with a cohort's or the year's changed capacity from here on.</summary>
    public void Use(Cohort cohort) => _cohorts[cohort.Id] = cohort;

    public void Use(AcademicYear year) => Year = year;
    public int HeldInYear => _held.Values.Sum();

    public int HeldIn(Guid cohortId) => _held.GetValueOrDefault(cohortId);

    public bool HasRoom(Guid cohortId) =>
        Cohorts.TryGetValue(cohortId, out var cohort) && HeldIn(cohortId) < cohort.Capacity && HeldInYear < Year.PlaceCap;

    public void Hold(Guid cohortId) => _held[cohortId] = HeldIn(cohortId) + 1;

    public void Release(Guid cohortId) => _held[cohortId] = Math.Max(0, HeldIn(cohortId) - 1);

    public static async Task<PlaceLedger> LockAsync(IDocumentSession session, string academicYearId, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await using (var command = session.Connection!.CreateCommand())
        {
            command.CommandText = "select pg_advisory_xact_lock(hashtextextended(@key, 0))";
            command.Parameters.Add(new NpgsqlParameter("key", "dsl.enrolment.places:" + academicYearId));
            await command.ExecuteNonQueryAsync(ct);
        }

        var year = await session.LoadAsync<AcademicYear>(academicYearId, ct)
                   ?? throw new InvalidOperationException($"Academic year {academicYearId} does not exist");
        var cohorts = (await session.Query<Cohort>().Where(c => c.AcademicYearId == academicYearId).ToListAsync(ct))
            .ToDictionary(c => c.Id);
        return new PlaceLedger(year, cohorts, await PlacesHeldByCohort(session, academicYearId, ct));
    }

    /// <summary>Counted in the database over the projection's duplicated columns: one row per cohort, however many places.</summary>
    private static async Task<Dictionary<Guid, int>> PlacesHeldByCohort(IDocumentSession session, string academicYearId,
        CancellationToken ct)
    {
        var held = new Dictionary<Guid, int>();
        await using var command = session.Connection!.CreateCommand();
        command.CommandText = $"select cohort_id, count(*) from {EnrolmentModule.Schema}.mt_doc_enrolment " +
                              "where academic_year_id = @year and holds_place group by cohort_id";
        command.Parameters.Add(new NpgsqlParameter("year", academicYearId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) held[reader.GetGuid(0)] = (int)reader.GetInt64(1);
        return held;
    }

    /// <summary>How many enrolments wait for this cohort ahead of one with the given priority.</summary>
    public Task<int> QueueAheadAsync(IQuerySession session, Guid cohortId, int priority, CancellationToken ct) =>
        session.Query<Enrolment>()
            .CountAsync(e => e.CohortId == cohortId && e.Status == EnrolmentStatus.Waitlisted && e.QueuePriority <= priority, ct);

    /// <summary>
    /// Offers every place the year now has room for to the next eligible waitlisted enrolments:
    /// state-funded before independent, then in the order they joined the waitlist.
    /// </summary>
    public async Task<IReadOnlyList<Enrolment>> NextToOfferAsync(IQuerySession session, CancellationToken ct,
        params Guid[] excluding)
    {
        var waitlist = await session.Query<Enrolment>()
            .Where(e => e.AcademicYearId == Year.Id && e.Status == EnrolmentStatus.Waitlisted)
            .OrderBy(e => e.QueuePriority).ThenBy(e => e.WaitlistedAt).ThenBy(e => e.ListKey)
            .ToListAsync(ct);
        var chosen = new List<Enrolment>();
        foreach (var candidate in waitlist.Where(e => !excluding.Contains(e.Id)))
        {
            if (HeldInYear >= Year.PlaceCap) break;
            if (!HasRoom(candidate.CohortId)) continue;
            Hold(candidate.CohortId);
            chosen.Add(candidate);
        }
        return chosen;
    }
}
