using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dsl.BuildingBlocks.Telemetry;

/// <summary>
/// Gauges whose values come from the database: read in the background every Dsl:Metrics:RefreshInterval
/// (30 s), so a scrape only reads the last snapshot and never waits on, or loads, the database.
/// </summary>
public abstract class RefreshedGauges(IConfiguration configuration, ILogger logger) : BackgroundService
{
    private readonly TimeSpan _interval = configuration.GetValue("Dsl:Metrics:RefreshInterval", TimeSpan.FromSeconds(30));

    /// <summary>Reads the current values into the snapshot the gauges report.</summary>
    protected abstract Task RefreshAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Activity.Current = null; // a metrics refresh is not part of anyone's trace
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await RefreshAsync(stoppingToken); }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
            {
                logger.LogWarning(e, "Could not refresh the {Gauges} metrics", GetType().Name);
            }
            await Task.Delay(_interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
