using Dsl.Host.Integrators.Broker;
using Dsl.Host.Integrators.Catalogue;
using Wolverine.Attributes;

namespace Dsl.Host.Integrators.Events;

/// <summary>
/// A published integration event on its way to the log: the CloudEvent as integrators will read it, and what the
/// recorder files it under. Every module's public event becomes one of these when it is sent (see
/// <see cref="IntegratorsSetup"/>), so events of every type share one batch in the order they were sent.
/// </summary>
[MessageIdentity("dsl.host.record-integration-event.v1")]
public sealed record RecordIntegrationEvent(Guid EventId, string Type, string Subject, string Region, DateTimeOffset Time,
    string CloudEvent, string? TraceParent)
{
    public static RecordIntegrationEvent For(IIntegrationEvent @event)
    {
        var type = IntegrationEventCatalogue.Instance.For(@event.GetType());
        var cloudEvent = Events.CloudEvent.From(@event, type);
        // Taken when the publisher sends it, so webhook attempts continue the trace of the work that published it.
        return new(@event.EventId, type.Name, cloudEvent.Subject, @event.Region, cloudEvent.Time, cloudEvent.ToJson(),
            System.Diagnostics.Activity.Current?.Id);
    }
}

/// <summary>
/// Records published integration events in the log (the feed), queues a delivery for each webhook subscription
/// that wants one and hands each to the broker when one is configured: a batch of events in one transaction and
/// one round trip, in the order they were sent, from one sequential queue (ADR 0036).
/// </summary>
public static class RecordIntegrationEventsHandler
{
    public static OutgoingMessages Handle(RecordIntegrationEvent[] events, IDocumentSession session, IntegrationBroker broker, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        foreach (var @event in events)
        {
            var type = IntegrationEventCatalogue.Instance.Find(@event.Type)!;
            IntegrationEventTelemetry.Published(type, @event.Region);
            IntegrationEventLog.Record(session, @event, now);
            if (broker.Enabled) messages.Add(CloudEvent.Parse(@event.CloudEvent).ToTopic(type.Name));
        }
        return messages;
    }
}

/// <summary>
/// <c>dsl.integration_events.published</c>: every recorded public event, by publishing module, CloudEvents type and
/// region, the same for every module's contracts (an enrolment's transitions are its module's event types).
/// </summary>
public static class IntegrationEventTelemetry
{
    private static readonly System.Diagnostics.Metrics.Counter<long> Recorded =
        Dsl.BuildingBlocks.Telemetry.DslTelemetry.Meter.CreateCounter<long>("dsl.integration_events.published", "{event}",
            "Public integration events recorded for integrators, by module, type (dsl.enrolment.confirmed.v1, ...) and region");

    public static void Published(IntegrationEventType type, string region) =>
        Recorded.Add(1, new("dsl.module", type.Module), new("type", type.Name), new("dsl.region", region));
}
