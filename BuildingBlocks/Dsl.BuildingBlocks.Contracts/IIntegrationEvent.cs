namespace Dsl.BuildingBlocks.Contracts;

/// <summary>
/// A module event that integrators may subscribe to. Every concrete type implementing this, with a
/// <c>[MessageIdentity("dsl.&lt;module&gt;.&lt;event&gt;.v&lt;n&gt;")]</c>, is published as a CloudEvent to the pull
/// feed, to webhook subscriptions and (when configured) to the broker, and is listed in the AsyncAPI catalogue.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique per event; the CloudEvents id and the webhook-id, the same on every redelivery.</summary>
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>The id of what the event is about (the CloudEvents subject); deliveries per subject keep their order.</summary>
    string Subject { get; }

    /// <summary>Programme region code the event belongs to, for subscription filters.</summary>
    string Region { get; }
}
