using System.Text.Json;
using System.Text.Json.Serialization;
using Dsl.Host.Integrators.Catalogue;

namespace Dsl.Host.Integrators.Events;

/// <summary>A CloudEvents 1.0 event in structured JSON mode, as integrators receive it from the feed, webhooks and the broker.</summary>
public sealed record CloudEvent
{
    public const string MediaType = "application/cloudevents+json";

    [JsonPropertyName("specversion")] public string SpecVersion { get; init; } = "1.0";
    /// <summary>The event id: stable, the same on every redelivery and replay.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary>The publishing module, e.g. urn:dsl:enrolment.</summary>
    [JsonPropertyName("source")] public required string Source { get; init; }
    /// <summary>Lower-case and versioned, e.g. dsl.enrolment.confirmed.v1.</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("time")] public required DateTimeOffset Time { get; init; }
    /// <summary>What the event is about: the enrolment id for enrolment events.</summary>
    [JsonPropertyName("subject")] public required string Subject { get; init; }
    [JsonPropertyName("datacontenttype")] public string DataContentType { get; init; } = "application/json";
    /// <summary>The event itself, as described for its type in /asyncapi/v1.json.</summary>
    [JsonPropertyName("data")] public required JsonElement Data { get; init; }

    /// <summary>How event data is written: camelCase, enums as strings (the API's own conventions).</summary>
    public static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public static CloudEvent From(IIntegrationEvent @event, IntegrationEventType type) => new()
    {
        Id = @event.EventId.ToString(),
        Source = type.Source,
        Type = type.Name,
        Time = @event.OccurredAt,
        Subject = @event.Subject,
        Data = JsonSerializer.SerializeToElement(@event, type.ClrType, DataJson),
    };

    public string ToJson() => JsonSerializer.Serialize(this);

    public static CloudEvent Parse(string json) => JsonSerializer.Deserialize<CloudEvent>(json)!;
}
