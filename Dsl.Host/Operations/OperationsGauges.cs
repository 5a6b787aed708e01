using System.Diagnostics.Metrics;
using Dsl.BuildingBlocks.Telemetry;
using Dsl.Host.Integrators.Deliveries;
using Wolverine.Persistence.Durability;

namespace Dsl.Host.Operations;

/// <summary>
/// Dead letters and the webhook backlog as metrics, read in the background (RefreshedGauges):
/// <c>dsl.dead_letters</c> (kind = messages | webhooks) and <c>dsl.webhook.backlog</c> (state = pending | due).
/// </summary>
public sealed class OperationsGauges : RefreshedGauges
{
    private readonly IMessageStore _messages;
    private readonly WebhookDeliveries _deliveries;
    private readonly TimeProvider _clock;
    private volatile Snapshot? _now;

    private sealed record Snapshot(long DeadMessages, WebhookBacklog Webhooks);

    public OperationsGauges(IMessageStore messages, WebhookDeliveries deliveries, TimeProvider clock, IConfiguration configuration,
        ILogger<OperationsGauges> logger, IClusterGauges cluster) : base(configuration, logger, cluster)
    {
        (_messages, _deliveries, _clock) = (messages, deliveries, clock);
        DslTelemetry.Meter.CreateObservableGauge("dsl.dead_letters", () => _now is not { } now ? [] : new[]
        {
            new Measurement<long>(now.DeadMessages, new KeyValuePair<string, object?>("kind", "messages")),
            new Measurement<long>(now.Webhooks.DeadLettered, new KeyValuePair<string, object?>("kind", "webhooks")),
        }, "{message}", "Dead-lettered module messages and webhook deliveries");
        DslTelemetry.Meter.CreateObservableGauge("dsl.webhook.backlog", () => _now is not { } now ? [] : new[]
        {
            new Measurement<long>(now.Webhooks.Pending, new KeyValuePair<string, object?>("state", "pending")),
            new Measurement<long>(now.Webhooks.Due, new KeyValuePair<string, object?>("state", "due")),
        }, "{delivery}", "Webhook deliveries waiting, and those already due");
    }

    protected override void Forget() => _now = null;

    protected override async Task RefreshAsync(CancellationToken ct)
    {
        var counts = await _messages.Admin.FetchCountsAsync();
        _now = new Snapshot(counts.DeadLetter, await _deliveries.BacklogAsync(_clock.GetUtcNow(), ct));
    }
}
