using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dsl.Host.Integrators.Deliveries;

/// <summary>
/// Reports the webhook queue on /health/ready: degraded when a due delivery has waited more than five minutes
/// (the worker is not keeping up or not running) or deliveries have been dead-lettered; still ready either way.
/// </summary>
public sealed class WebhookBacklogHealthCheck(WebhookDeliveries deliveries, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan Stalled = TimeSpan.FromMinutes(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var backlog = await deliveries.BacklogAsync(clock.GetUtcNow(), ct);
        var data = new Dictionary<string, object>
        {
            ["pending"] = backlog.Pending,
            ["due"] = backlog.Due,
            ["oldestDueWaitingSeconds"] = Math.Round(backlog.OldestDueWaiting.TotalSeconds),
            ["deadLettered"] = backlog.DeadLettered,
        };
        if (backlog.OldestDueWaiting > Stalled)
            return HealthCheckResult.Degraded($"A due webhook delivery has waited {backlog.OldestDueWaiting.TotalMinutes:0} min", data: data);
        return backlog.DeadLettered > 0
            ? HealthCheckResult.Degraded($"{backlog.DeadLettered} webhook deliveries are dead-lettered", data: data)
            : HealthCheckResult.Healthy("Webhook deliveries are flowing", data);
    }
}
