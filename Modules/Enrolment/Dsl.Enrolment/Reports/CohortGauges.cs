using System.Diagnostics.Metrics;
using Dsl.BuildingBlocks.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dsl.Enrolment.Reports;

/// <summary>
/// The programme's occupancy as metrics: places left and waitlist length per cohort (tagged with cohort,
/// region and year). Read from the module's own tables in the background.
/// </summary>
public sealed class CohortGauges : RefreshedGauges
{
    private readonly NpgsqlDataSource _database;
    private volatile IReadOnlyList<CohortLevel> _levels = [];

    private sealed record CohortLevel(Guid CohortId, string Region, string Year, int PlacesLeft, int Waitlisted);

    public CohortGauges(NpgsqlDataSource database, IConfiguration configuration, ILogger<CohortGauges> logger,
        IClusterGauges? cluster = null)
        : base(configuration, logger, cluster)
    {
        _database = database;
        DslTelemetry.Meter.CreateObservableGauge("dsl.cohort.places_left",
            () => _levels.Select(l => Measure(l.PlacesLeft, l)), "{place}", "Funded places still free in each cohort");
        DslTelemetry.Meter.CreateObservableGauge("dsl.cohort.waitlist_length",
            () => _levels.Select(l => Measure(l.Waitlisted, l)), "{enrolment}", "Enrolments waiting for a place in each cohort");
    }

    private static Measurement<int> Measure(int value, CohortLevel level) => new(value,
        new("dsl.cohort_id", level.CohortId), new("dsl.region", level.Region), new("dsl.academic_year", level.Year));

    protected override void Forget() => _levels = [];

    protected override async Task RefreshAsync(CancellationToken ct)
    {
        var schema = EnrolmentModule.Schema;
        await using var command = _database.CreateCommand($"""
            select c.id, c.data->>'region', c.academic_year_id,
                   (c.data->>'capacity')::int - coalesce(sum(o.held), 0), coalesce(sum(o.waitlisted), 0)
            from {schema}.mt_doc_cohort c left join {Placement.CohortOccupancyTable.Name} o on o.cohort_id = c.id
            group by c.id
            """);
        var levels = new List<CohortLevel>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            levels.Add(new CohortLevel(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                (int)Math.Max(0, reader.GetInt64(3)), (int)reader.GetInt64(4)));
        _levels = levels;
    }
}
