using System.Text.Json;
using Dsl.Host.Integrators.Events;
using Wolverine.RabbitMQ;
using Wolverine.Runtime.Serialization;

namespace Dsl.Host.Integrators.Broker;

/// <summary>
/// The optional RabbitMQ broker (Dsl:Broker:RabbitMq, an amqp:// URI). When set, every integration event is also
/// published, through Wolverine's durable outbox, to a topic exchange as the same CloudEvent the feed and
/// webhooks carry, with its CloudEvents type as routing key.
/// </summary>
public sealed class IntegrationBroker
{
    public const string Section = "Dsl:Broker";

    public IntegrationBroker(IConfiguration configuration)
    {
        var uri = configuration[$"{Section}:RabbitMq"];
        Uri = string.IsNullOrWhiteSpace(uri) ? null : new Uri(uri);
        Exchange = configuration[$"{Section}:Exchange"] ?? "dsl.integration-events";
    }

    public Uri? Uri { get; }
    public bool Enabled => Uri is not null;
    public string Exchange { get; }
    /// <summary>host:port, for the AsyncAPI document (never the credentials).</summary>
    public string Host => Uri is null ? "" : $"{Uri.Host}:{(Uri.Port > 0 ? Uri.Port : 5672)}";

    public void Configure(WolverineOptions opts)
    {
        if (Uri is null) return;
        opts.UseRabbitMq(Uri).AutoProvision();
        opts.PublishMessage<CloudEvent>().ToRabbitTopics(Exchange).DefaultSerializer(new CloudEventSerializer());
    }
}

/// <summary>Writes the CloudEvent itself as the AMQP body (structured mode), content type application/cloudevents+json.</summary>
public sealed class CloudEventSerializer : IMessageSerializer
{
    public string ContentType => CloudEvent.MediaType;
    public byte[] Write(Envelope envelope) => WriteMessage(envelope.Message!);
    public byte[] WriteMessage(object message) => JsonSerializer.SerializeToUtf8Bytes((CloudEvent)message);
    public object ReadFromData(Type messageType, Envelope envelope) => ReadFromData(envelope.Data!);
    public object ReadFromData(byte[] data) => JsonSerializer.Deserialize<CloudEvent>(data)!;
}
