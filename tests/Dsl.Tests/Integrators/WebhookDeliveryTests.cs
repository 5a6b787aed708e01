using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents.SystemTextJson;
using Dsl.Enrolment.Contracts;

namespace Dsl.Tests.Integrators;

public sealed class WebhookDeliveryTests(DslApp app) : IntegratorTest(app)
{
    [Fact]
    public async Task an_enrolment_event_arrives_as_a_signed_cloudevent()
    {
        var (_, secret) = await Subscribe(["dsl.enrolment.submitted.v1"]);
        var given = new Programme(App);
        var enrolment = await given.Enrolment(await given.Setting(), await given.Cohort());

        await Eventually(() => !Receiver.Received.IsEmpty, "the submission is delivered");
        var webhook = Receiver.Received.Single();
        WebhookReceiver.Verify(webhook, secret, App.Clock.GetUtcNow()).ShouldBeTrue("the signature verifies with the secret");
        webhook.ContentType.ShouldBe("application/cloudevents+json");

        var cloudEvent = new JsonEventFormatter().DecodeStructuredModeMessage(
            new MemoryStream(System.Text.Encoding.UTF8.GetBytes(webhook.Body)), null, null);
        cloudEvent.SpecVersion.VersionId.ShouldBe("1.0");
        cloudEvent.Type.ShouldBe("dsl.enrolment.submitted.v1");
        cloudEvent.Id.ShouldBe(webhook.Id);
        cloudEvent.Subject.ShouldBe(enrolment.ToString());
        cloudEvent.Source!.ToString().ShouldBe("urn:dsl:enrolment");
        cloudEvent.DataContentType.ShouldBe("application/json");
        var data = JsonNode.Parse(webhook.Body)!["data"]!;
        data["enrolmentId"]!.GetValue<Guid>().ShouldBe(enrolment);
        data["track"]!.GetValue<string>().ShouldBe("full");
    }

    [Fact]
    public async Task a_tampered_body_or_a_stale_timestamp_fails_verification()
    {
        var (_, secret) = await Subscribe();
        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()));
        await Eventually(() => !Receiver.Received.IsEmpty, "the event is delivered");
        var webhook = Receiver.Received.Single();
        var now = App.Clock.GetUtcNow();

        WebhookReceiver.Verify(webhook, secret, now).ShouldBeTrue();
        WebhookReceiver.Verify(webhook with { Body = webhook.Body.Replace("london", "london-x") }, secret, now).ShouldBeFalse();
        WebhookReceiver.Verify(webhook, secret, now.AddMinutes(6)).ShouldBeFalse("a replayed old request is refused");
        WebhookReceiver.Verify(webhook, "whsec_" + Convert.ToBase64String(new byte[32]), now).ShouldBeFalse();
    }

    [Fact]
    public async Task a_receiver_failing_three_times_gets_the_event_once_on_the_fourth_attempt()
    {
        Receiver.Answer = n => (n <= 3 ? 500 : 200, null);
        var (subscription, _) = await Subscribe();
        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()));

        await Eventually(async () => (await Deliveries(subscription)).FirstOrDefault()?["status"]?.GetValue<string>() == "delivered",
            "the delivery succeeds", tick: TimeSpan.FromSeconds(1));
        var delivery = (await Deliveries(subscription)).Single()!;
        var attempts = delivery["attempts"]!.AsArray();
        attempts.Select(a => a!["statusCode"]!.GetValue<int>()).ShouldBe([500, 500, 500, 200]);
        attempts.ShouldAllBe(a => a!["durationMs"]!.GetValue<long>() >= 0);
        delivery["attemptCount"]!.GetValue<int>().ShouldBe(4);
        Receiver.Received.Select(r => r.Id).Distinct().Count().ShouldBe(1, "every attempt carries the same webhook-id");
        Receiver.Received.Count.ShouldBe(4);
    }

    [Fact]
    public async Task retry_after_on_429_sets_the_next_attempt()
    {
        Receiver.Answer = n => n == 1 ? (429, new() { ["Retry-After"] = "120" }) : (200, null);
        var (subscription, _) = await Subscribe();
        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()));

        await Eventually(async () => (await Deliveries(subscription)).FirstOrDefault()?["attemptCount"]?.GetValue<int>() == 1, "the first attempt");
        var delivery = (await Deliveries(subscription))[0]!;
        var attemptedAt = delivery["attempts"]![0]!["at"]!.GetValue<DateTimeOffset>();
        var next = delivery["nextAttemptAt"]!.GetValue<DateTimeOffset>();
        (next - attemptedAt).ShouldBe(TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(1), "Retry-After: 120 outranks the 1 s schedule");

        App.Clock.Advance(TimeSpan.FromSeconds(121));
        await Eventually(async () => (await Deliveries(subscription)).FirstOrDefault()?["status"]?.GetValue<string>() == "delivered", "the retry");
    }

    [Fact]
    public async Task a_410_disables_the_subscription_and_resuming_sends_what_waited()
    {
        Receiver.Answer = n => (n == 1 ? 410 : 200, null);
        var (subscription, _) = await Subscribe();
        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()));

        await Eventually(async () => (await Json(await Integrator.GetAsync($"/api/webhooks/subscriptions/{subscription}", Ct)))["status"]!
            .GetValue<string>() == "disabled", "the subscription is disabled");
        (await Deliveries(subscription))[0]!["status"]!.GetValue<string>().ShouldBe("deadLettered");

        await Publish(Event<EnrolmentEndorsed>(Guid.NewGuid()));
        await App.Settled(); // recorded while the subscription is disabled, not after it resumes
        await Eventually(async () => (await Deliveries(subscription)).Count == 1 && Receiver.Received.Count == 1,
            "nothing more is queued for a disabled subscription");

        var current = await Integrator.GetAsync($"/api/webhooks/subscriptions/{subscription}", Ct);
        var resume = new HttpRequestMessage(HttpMethod.Patch, $"/api/webhooks/subscriptions/{subscription}")
        {
            Content = JsonContent.Create(new { status = "active" }),
            Headers = { IfMatch = { current.Headers.ETag! } },
        };
        (await Integrator.SendAsync(resume, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var dead = (await Deliveries(subscription, "&status=deadLettered")).Single()!["id"]!.GetValue<Guid>();
        (await Integrator.PostAsync($"/api/webhooks/subscriptions/{subscription}/deliveries/{dead}/redeliver", null, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually(async () => (await Deliveries(subscription, "&status=delivered")).Count == 1, "the redelivery");
    }

    [Fact]
    public async Task after_the_last_retry_a_delivery_is_dead_lettered_and_visible()
    {
        Receiver.Answer = _ => (503, null);
        var (subscription, _) = await Subscribe();
        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()));

        await Eventually(async () => (await Deliveries(subscription, "&status=deadLettered")).Count == 1,
            "the delivery is dead-lettered", tick: TimeSpan.FromSeconds(30));
        var delivery = (await Deliveries(subscription))[0]!;
        delivery["attempts"]!.AsArray().Count.ShouldBe(8, "the first attempt and seven retries");
        delivery["lastError"]!.GetValue<string>().ShouldContain("gave up after 8 attempts");
        delivery["nextAttemptAt"].ShouldBeNull();
    }

    [Fact]
    public async Task a_thousand_events_sent_while_the_receiver_is_down_all_arrive_in_order_per_enrolment()
    {
        var (subscription, _) = await Subscribe();
        await Receiver.DownAsync();
        var enrolments = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList();
        var sent = new List<EnrolmentIntegrationEvent>();
        foreach (var e in enrolments)
            sent.AddRange([Event<EnrolmentSubmitted>(e), Event<EnrolmentEndorsed>(e), Event<EnrolmentWaitlisted>(e),
                Event<PlaceOffered>(e), Event<EnrolmentAtRisk>(e)]);
        await Publish(sent.ToArray());
        await Eventually(async () => (await Json(await Integrator.GetAsync("/api/events?limit=1000", Ct)))["items"]!.AsArray().Count == 1000,
            "all 1,000 events are recorded");

        await Receiver.UpAsync();
        await Eventually(() => Receiver.Received.Select(r => r.Id).Distinct().Count() == 1000, "every event is delivered",
            tick: TimeSpan.FromSeconds(5), rounds: 1200);

        var received = Receiver.Received.ToList();
        received.Select(r => r.Id).ToHashSet().ShouldBe(sent.Select(e => e.EventId.ToString()).ToHashSet(), ignoreOrder: true);
        var firstArrival = received.Select((r, i) => (r.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.Min(x => x.i));
        foreach (var e in enrolments)
        {
            var order = sent.Where(s => s.EnrolmentId == e).Select(s => firstArrival[s.EventId.ToString()]).ToList();
            order.ShouldBeInOrder(SortDirection.Ascending, $"enrolment {e}'s events arrive in the order they happened");
        }
        (await Deliveries(subscription, "&status=pending")).Count.ShouldBe(0);
    }

    [Fact]
    public async Task a_receiver_that_keeps_failing_trips_its_circuit_and_is_left_alone_meanwhile()
    {
        Receiver.Answer = _ => (500, null);
        var (subscription, _) = await Subscribe();
        await Publish(Enumerable.Range(0, 40).Select(_ => (EnrolmentIntegrationEvent)Event<EnrolmentSubmitted>(Guid.NewGuid())).ToArray());

        var deliveries = new System.Text.Json.Nodes.JsonArray();
        await Eventually(async () => (deliveries = await Deliveries(subscription)).Count == 40
                && deliveries.Any(d => d!["lastError"]?.GetValue<string>().StartsWith("circuit open") == true),
            "all are queued and some wait for the circuit to close");
        Receiver.Received.Count.ShouldBeLessThan(40, "once the circuit is open no request is sent");
        deliveries.Where(d => d!["lastError"]?.GetValue<string>().StartsWith("circuit open") == true)
            .ShouldAllBe(d => d!["attemptCount"]!.GetValue<int>() == 0, "a delivery held by an open circuit spends no attempt");
    }

    [Fact]
    public async Task replay_sends_past_events_again_with_their_original_ids()
    {
        var from = App.Clock.GetUtcNow();
        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()), Event<EnrolmentSubmitted>(Guid.NewGuid(), "north-west"));
        await Eventually(async () => (await Json(await Integrator.GetAsync("/api/events", Ct)))["items"]!.AsArray().Count == 2, "recorded");
        var (subscription, _) = await Subscribe(regions: ["london"]);

        var replay = await Integrator.PostAsync($"/api/webhooks/subscriptions/{subscription}/replay?from={Uri.EscapeDataString(from.ToString("O"))}", null, Ct);
        replay.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Json(replay))["queued"]!.GetValue<long>().ShouldBe(1, "only the london event matches the subscription");
        await Eventually(() => Receiver.Received.Count == 1, "the replayed event arrives");
        var feed = (await Json(await Integrator.GetAsync("/api/events", Ct)))["items"]!.AsArray();
        Receiver.Received.Single().Id.ShouldBe(feed.Single(e => e!["data"]!["region"]!.GetValue<string>() == "london")!["id"]!.GetValue<string>());
    }
}
