using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;

namespace Dsl.Host.Hosting;

public static class DslHealthChecks
{
    public static IServiceCollection AddDslHealthChecks(this IServiceCollection services)
    {
        // Each check gives up after a few seconds, so an orchestrator's probe is answered (Unhealthy) during an outage.
        var timeout = TimeSpan.FromSeconds(DslServices.ConnectTimeoutSeconds + 1);
        services.AddHealthChecks()
            .AddNpgSql(tags: ["ready"], name: "database", timeout: timeout)
            .AddCheck<MessageStoreHealthCheck>("message-store", tags: ["ready"], timeout: timeout)
            .AddCheck<Integrators.Deliveries.WebhookBacklogHealthCheck>("webhook-deliveries", tags: ["ready"], timeout: timeout)
            .AddCheck<NodeHealthCheck>("node", tags: ["ready"]);
        services.AddSingleton<BuildingBlocks.Telemetry.IClusterGauges, LeaderReportsGauges>();
        return services;
    }
}

/// <summary>Ready when Wolverine's envelope storage answers; reports the backlog so ops see it grow, degraded while messages are dead-lettered.</summary>
public sealed class MessageStoreHealthCheck(IMessageStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var counts = await store.Admin.FetchCountsAsync();
            var data = new Dictionary<string, object>
            {
                ["incoming"] = counts.Incoming,
                ["scheduled"] = counts.Scheduled,
                ["outgoing"] = counts.Outgoing,
                ["deadLetters"] = counts.DeadLetter,
            };
            // Still ready, but ops should look: see GET /api/ops/dead-letters.
            return counts.DeadLetter > 0
                ? HealthCheckResult.Degraded($"{counts.DeadLetter} messages are dead-lettered", data: data)
                : HealthCheckResult.Healthy("Message store reachable", data);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Message store unreachable", e);
        }
    }
}

/// <summary>
/// This node's part in the cluster, for an orchestrator and for ops: Wolverine's durability mode, whether this
/// node is the elected leader (which assigns the agents), the agents it runs (durability and scheduled-message
/// recovery per message store, leader-pinned work), and whether it holds the webhook delivery lock. Always
/// Healthy: a follower is as ready as the leader.
/// </summary>
public sealed class NodeHealthCheck(IWolverineRuntime runtime, Integrators.Deliveries.DeliveryWorker deliveries) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var solo = runtime.DurabilitySettings.Mode == DurabilityMode.Solo;
        var leader = IsLeader(runtime);
        var role = solo ? "solo" : leader ? "leader" : "follower";
        var data = new Dictionary<string, object>
        {
            ["role"] = role,
            ["leader"] = leader,
            ["nodeNumber"] = runtime.DurabilitySettings.AssignedNodeNumber,
            ["agents"] = runtime.Agents.AllRunningAgentUris().Select(u => u.ToString()).Order().ToArray(),
            ["deliversWebhooks"] = deliveries.IsDelivering,
        };
        return Task.FromResult(HealthCheckResult.Healthy($"Node {runtime.DurabilitySettings.AssignedNodeNumber} ({role})", data));
    }

    public static bool IsLeader(IWolverineRuntime runtime) =>
        runtime.DurabilitySettings.Mode == DurabilityMode.Solo || runtime is WolverineRuntime wolverine && wolverine.IsLeader();
}

/// <summary>The programme-wide gauges are read and reported by the node Wolverine elected leader (every node when solo).</summary>
public sealed class LeaderReportsGauges(IWolverineRuntime runtime) : BuildingBlocks.Telemetry.IClusterGauges
{
    public bool ReportsHere => NodeHealthCheck.IsLeader(runtime);
}

public static class HealthResponse
{
    public static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }
}
