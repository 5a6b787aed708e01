using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dsl.BuildingBlocks.Telemetry;

/// <summary>
/// Gauges whose values come from the database: read in the background every Dsl:Metrics:RefreshInterval
/// (30 s), so a scrape only reads the last snapshot and never waits on, or loads, the database.
/// The values describe the whole programme, not a node: with several nodes only the one the
/// <see cref="IClusterGauges"/> names reads and reports them, so a sum over nodes is not multiplied.
/// </summary>
public abstract class RefreshedGauges(IConfiguration configuration, ILogger logger, IClusterGauges? cluster = null) : BackgroundService
{
    private readonly TimeSpan _interval = configuration.GetValue("Dsl:Metrics:RefreshInterval", TimeSpan.FromSeconds(30));

    /// <summary>Reads the current values into the snapshot the gauges report.</summary>
    protected abstract Task RefreshAsync(CancellationToken ct);

    /// <summary>Empties the snapshot: another node reports these gauges now.</summary>
    protected abstract void Forget();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Activity.Current = null; // a metrics refresh is not part of anyone's trace
        while (!stoppingToken.IsCancellationRequested)
        {
            if (cluster is { ReportsHere: false })
            {
                Forget();
                // Soon again: this node may be elected, and should then report without waiting a whole interval.
                await Task.Delay(_interval < TimeSpan.FromSeconds(1) ? _interval : TimeSpan.FromSeconds(1), stoppingToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            try { await RefreshAsync(stoppingToken); }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
            {
                logger.LogWarning(e, "Could not refresh the {Gauges} metrics", GetType().Name);
            }
            await Task.Delay(_interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}

/// <summary>Which node of a cluster reports the programme-wide gauges (the host: Wolverine's elected leader).</summary>
public interface IClusterGauges
{
    bool ReportsHere { get; }
}
