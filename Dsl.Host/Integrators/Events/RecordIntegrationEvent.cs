using Dsl.Host.Integrators.Broker;
using Dsl.Host.Integrators.Catalogue;
using Dsl.Host.Integrators.Webhooks;
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
    public static async Task<OutgoingMessages> Handle(TEvent @event, IDocumentSession session, IntegrationBroker broker,
        TimeProvider clock, CancellationToken ct)
    {
        var type = IntegrationEventCatalogue.Instance.For(typeof(TEvent));
        var cloudEvent = CloudEvent.From(@event, type);
        var subscriptions = await session.Query<WebhookSubscription>()
            .Where(s => s.Status != SubscriptionStatus.Disabled).ToListAsync(ct);
        var targets = subscriptions.Where(s => s.Wants(type.Name, @event.Region)).Select(s => s.Id).ToArray();
        IntegrationEventTelemetry.Published(type, @event.Region);
        IntegrationEventLog.Record(session, cloudEvent, @event.Region, targets, clock.GetUtcNow(), System.Diagnostics.Activity.Current?.Id);

        var messages = new OutgoingMessages();
        if (broker.Enabled) messages.Add(cloudEvent.ToTopic(type.Name));
        return messages;
    }
}

/// <summary><c>dsl.enrolment.transitions</c>: each enrolment status change published, by transition and region.</summary>
public static class IntegrationEventTelemetry
{
    private static readonly System.Diagnostics.Metrics.Counter<long> Transitions =
        Dsl.BuildingBlocks.Telemetry.DslTelemetry.Meter.CreateCounter<long>("dsl.enrolment.transitions", "{transition}",
            "Enrolment lifecycle events published, by transition (submitted, confirmed, waitlisted, withdrawn, ...) and region");

    public static void Published(IntegrationEventType type, string region)
    {
        if (type.Module != "enrolment") return;
        var transition = type.Name.Split('.')[2];
        Transitions.Add(1, new("transition", transition), new("dsl.region", region));
    }
}
