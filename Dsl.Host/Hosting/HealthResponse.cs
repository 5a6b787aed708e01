using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine.Persistence.Durability;

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
            .AddCheck<Integrators.Deliveries.WebhookBacklogHealthCheck>("webhook-deliveries", tags: ["ready"], timeout: timeout);
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
