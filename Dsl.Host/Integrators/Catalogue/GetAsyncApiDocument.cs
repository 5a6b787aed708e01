using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Dsl.Host.Integrators.Broker;
using Dsl.Host.Integrators.Events;

namespace Dsl.Host.Integrators.Catalogue;

public static class GetAsyncApiDocumentEndpoint
{
    public const string Path = "/asyncapi/v1.json";

    /// <summary>
    /// The AsyncAPI 3.0 catalogue of every integration event, open like the OpenAPI document: one channel per
    /// CloudEvents type, with the JSON schema of its data generated from the contract type, so it cannot drift.
    /// </summary>
    public static IEndpointRouteBuilder MapAsyncApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpRequest request, IntegrationBroker broker) => Results.Text(
                AsyncApiDocument.Build(IntegrationEventCatalogue.Instance, request.Host.Value ?? "localhost", broker).ToJsonString(),
                "application/json"))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}

/// <summary>Builds the AsyncAPI document from the catalogue.</summary>
public static class AsyncApiDocument
{
    private static readonly JsonSchemaExporterOptions Exporter = new() { TreatNullObliviousAsNonNullable = true };

    public static JsonObject Build(IntegrationEventCatalogue catalogue, string host, IntegrationBroker broker)
    {
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in catalogue.Types)
        {
            var key = type.ClrType.Name;
            if (messages.ContainsKey(key)) throw new InvalidOperationException($"Two integration events are named {key}.");
            channels[key] = new JsonObject
            {
                ["address"] = type.Name,
                ["title"] = type.Name,
                ["description"] = type.Summary,
                ["messages"] = new JsonObject { [key] = Ref($"#/components/messages/{key}") },
            };
            operations["publish" + key] = new JsonObject
            {
                ["action"] = "send",
                ["channel"] = Ref($"#/channels/{key}"),
                ["summary"] = $"DSL publishes {type.Name}: {type.Summary}",
                ["messages"] = new JsonArray(Ref($"#/channels/{key}/messages/{key}")),
            };
            messages[key] = new JsonObject
            {
                ["name"] = type.Name,
                ["title"] = key,
                ["summary"] = type.Summary,
                ["contentType"] = CloudEvent.MediaType,
                ["headers"] = Ref("#/components/schemas/WebhookHeaders"),
                ["payload"] = Ref($"#/components/schemas/{key}CloudEvent"),
            };
            schemas[key + "CloudEvent"] = Envelope(type, key);
            var data = CloudEvent.DataJson.GetJsonSchemaAsNode(type.ClrType, Exporter).AsObject();
            data["description"] = type.Summary;
            schemas[key] = data;
        }
        schemas["WebhookHeaders"] = WebhookHeaders();

        var servers = new JsonObject
        {
            ["webhooks"] = new JsonObject
            {
                ["host"] = host, ["protocol"] = "https",
                ["description"] = "Deliveries are POSTed to each subscription's URL (manage them at /api/webhooks/subscriptions), "
                    + "signed per the Standard Webhooks specification; the body is the CloudEvent.",
            },
            ["feed"] = new JsonObject
            {
                ["host"] = host, ["pathname"] = "/api/events", ["protocol"] = "https",
                ["description"] = "The pull feed: GET /api/events?after=<cursor>&types=&limit= returns the same CloudEvents in commit order.",
            },
        };
        if (broker.Enabled)
            servers["rabbitmq"] = new JsonObject
            {
                ["host"] = broker.Host, ["protocol"] = "amqp",
                ["description"] = $"Topic exchange '{broker.Exchange}'; each event's routing key is its CloudEvents type.",
            };

        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject
            {
                ["title"] = "DSL integration events",
                ["version"] = "1.0.0",
                ["description"] = "Events the DSL platform publishes to integrators as CloudEvents 1.0 (structured JSON). "
                    + "Each event's id is stable across redeliveries and replays; deliveries for one subject arrive in order.",
            },
            ["defaultContentType"] = CloudEvent.MediaType,
            ["servers"] = servers,
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject { ["messages"] = messages, ["schemas"] = schemas },
        };
    }

    private static JsonObject Envelope(IntegrationEventType type, string key) => new()
    {
        ["type"] = "object",
        ["description"] = $"A CloudEvents 1.0 event of type {type.Name}.",
        ["required"] = new JsonArray("specversion", "id", "source", "type", "time", "subject", "datacontenttype", "data"),
        ["properties"] = new JsonObject
        {
            ["specversion"] = new JsonObject { ["type"] = "string", ["const"] = "1.0" },
            ["id"] = new JsonObject { ["type"] = "string", ["format"] = "uuid", ["description"] = "Stable per event; the webhook-id too." },
            ["source"] = new JsonObject { ["type"] = "string", ["const"] = type.Source },
            ["type"] = new JsonObject { ["type"] = "string", ["const"] = type.Name },
            ["time"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["subject"] = new JsonObject { ["type"] = "string", ["description"] = "The id of what the event is about." },
            ["datacontenttype"] = new JsonObject { ["type"] = "string", ["const"] = "application/json" },
            ["data"] = Ref($"#/components/schemas/{key}"),
        },
    };

    private static JsonObject WebhookHeaders() => new()
    {
        ["type"] = "object",
        ["description"] = "Standard Webhooks headers on webhook deliveries (not on the feed or the broker).",
        ["properties"] = new JsonObject
        {
            ["webhook-id"] = new JsonObject { ["type"] = "string", ["description"] = "The CloudEvent id; the same on every redelivery." },
            ["webhook-timestamp"] = new JsonObject { ["type"] = "string", ["description"] = "Unix seconds when this attempt was signed." },
            ["webhook-signature"] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "Space-separated 'v1,<base64 HMAC-SHA256 of id.timestamp.body>' signatures, two while a rotated secret overlaps.",
            },
        },
    };

    private static JsonObject Ref(string path) => new() { ["$ref"] = path };
}
