using System.Text.Json;
using Dsl.BuildingBlocks.Contracts;
using Dsl.Host.Integrators.Catalogue;
using Dsl.Host.Integrators.Events;
using Wolverine.Tracking;

namespace Dsl.Tests.Infrastructure;

public static class TrackedEvents
{
    /// <summary>
    /// The public events of type <typeparamref name="T"/> a tracked session saw published, once each: sent as
    /// themselves to the modules that handle them, and as <see cref="RecordIntegrationEvent"/> to the log (an event
    /// only the log takes is seen only there), read back from the CloudEvent's data.
    /// </summary>
    public static IReadOnlyList<T> PublishedEvents<T>(this ITrackedSession tracked) where T : IIntegrationEvent
    {
        var type = IntegrationEventCatalogue.Instance.For(typeof(T)).Name;
        return tracked.Sent.MessagesOf<T>()
            .Concat(tracked.Sent.MessagesOf<RecordIntegrationEvent>().Where(r => r.Type == type)
                .Select(r => CloudEvent.Parse(r.CloudEvent).Data.Deserialize<T>(CloudEvent.DataJson)!))
            .DistinctBy(e => e.EventId)
            .ToList();
    }
}
