using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace Dsl.Tests.Integrators;

/// <summary>
/// Publishing to RabbitMQ against a real server: .ci/run starts Debian's rabbitmq-server and sets
/// DSL_TEST_RABBITMQ; without it the test is skipped and says so.
/// </summary>
public sealed class BrokerTests(DslApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task integration_events_reach_the_topic_exchange_as_cloudevents()
    {
        var broker = Environment.GetEnvironmentVariable("DSL_TEST_RABBITMQ");
        if (string.IsNullOrEmpty(broker)) Assert.Skip("DSL_TEST_RABBITMQ is not set: no RabbitMQ server to publish to (.ci/run starts one)");

        var exchange = "dsl-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var database = await OwnDatabase.CreateAsync(app, "broker");
        {
            await using var host = await HostProcess.StartAsync(database.ConnectionString, new()
            {
                ["Dsl__Broker__RabbitMq"] = broker, ["Dsl__Broker__Exchange"] = exchange,
            });

            await using var rabbit = await new ConnectionFactory { Uri = new Uri(broker) }.CreateConnectionAsync(Ct);
            await using var channel = await rabbit.CreateChannelAsync(cancellationToken: Ct);
            var queue = (await channel.QueueDeclareAsync(exclusive: true, autoDelete: true, cancellationToken: Ct)).QueueName;
            await channel.QueueBindAsync(queue, exchange, "dsl.enrolment.submitted.v1", cancellationToken: Ct);

            var admin = host.Client(app.Tokens.Issue("admin"));
            var enrolment = (await HostApi.Enrolment(admin, "500001", await HostApi.Cohort(admin, "Broker cohort", capacity: 5))).ToString();

            BasicGetResult? message = null;
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (message is null && DateTime.UtcNow < deadline)
            {
                message = await channel.BasicGetAsync(queue, autoAck: true, Ct);
                if (message is null) await Task.Delay(100, Ct); // polling the queue
            }

            message.ShouldNotBeNull("the submission is published to the exchange");
            message.RoutingKey.ShouldBe("dsl.enrolment.submitted.v1");
            message.BasicProperties.ContentType.ShouldBe("application/cloudevents+json");
            var cloudEvent = JsonNode.Parse(Encoding.UTF8.GetString(message.Body.Span))!;
            cloudEvent["specversion"]!.GetValue<string>().ShouldBe("1.0");
            cloudEvent["type"]!.GetValue<string>().ShouldBe("dsl.enrolment.submitted.v1");
            cloudEvent["subject"]!.GetValue<string>().ShouldBe(enrolment);
            var feed = (await admin.GetFromJsonAsync<JsonNode>("/api/events?types=dsl.enrolment.submitted.v1", Ct))!["items"]!.AsArray();
            cloudEvent["id"]!.GetValue<string>().ShouldBe(feed.Single()!["id"]!.GetValue<string>(), "the same event id as the feed and webhooks");
        }
    }

}
