using Dsl.Host.Integrators.Broker;
using Dsl.Host.Integrators.Catalogue;
using Wolverine.Attributes;

namespace Dsl.Host.Integrators.Events;

/// <summary>
/// Records every published integration event in the log (the feed), queues a delivery for each webhook
/// subscription that wants it and hands it to the broker when one is configured, all in one transaction.
/// One closed type per event type (see IntegratorsSetup); all run on one sequential queue, so events are
/// recorded in the order their modules committed them.
/// </summary>
[StickyHandler(IntegratorsSetup.RecorderQueue)]
public static class RecordIntegrationEventHandler<TEvent> where TEvent : IIntegrationEvent
{
    public static OutgoingMessages Handle(TEvent @event, IDocumentSession session, IntegrationBroker broker, TimeProvider clock)
    {
        var type = IntegrationEventCatalogue.Instance.For(typeof(TEvent));
        var cloudEvent = CloudEvent.From(@event, type);
        IntegrationEventTelemetry.Published(type, @event.Region);
        IntegrationEventLog.Record(session, cloudEvent, @event.Region, clock.GetUtcNow(), System.Diagnostics.Activity.Current?.Id);

        var messages = new OutgoingMessages();
        if (broker.Enabled) messages.Add(cloudEvent.ToTopic(type.Name));
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
