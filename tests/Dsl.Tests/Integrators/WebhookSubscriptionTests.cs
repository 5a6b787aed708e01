using System.Net.Http.Json;
using Dsl.Enrolment.Contracts;

namespace Dsl.Tests.Integrators;

public sealed class WebhookSubscriptionTests(DslApp app) : IntegratorTest(app)
{
    [Fact]
    public async Task creating_a_subscription_shows_its_secret_once()
    {
        var response = await Integrator.PostAsJsonAsync("/api/webhooks/subscriptions",
            new { url = Receiver.Url, eventTypes = new[] { "dsl.enrolment.confirmed.v1" }, description = "grants" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await Json(response);
        created["secret"]!.GetValue<string>().ShouldStartWith("whsec_");
        Convert.FromBase64String(created["secret"]!.GetValue<string>()["whsec_".Length..]).Length.ShouldBe(32);
        created["status"]!.GetValue<string>().ShouldBe("active");
        response.Headers.Location!.ToString().ShouldBe($"/api/webhooks/subscriptions/{created["id"]}");

        var read = await Json(await Integrator.GetAsync(response.Headers.Location, Ct));
        read["secret"].ShouldBeNull("the secret is shown only when created");
        read["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["dsl.enrolment.confirmed.v1"]);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "cloud-metadata")]
    [InlineData("http://10.0.0.1/hooks", "private")]
    [InlineData("https://192.168.1.20/hooks", "private")]
    [InlineData("http://[fd00:ec2::254]/", "cloud-metadata")]
    [InlineData("ftp://example.org/hooks", "https")]
    public async Task a_target_on_a_private_or_metadata_address_is_refused(string url, string reason)
    {
        var response = await Integrator.PostAsJsonAsync("/api/webhooks/subscriptions", new { url, eventTypes = new[] { "*" } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Json(response);
        problem["errors"]!["url"]![0]!.GetValue<string>().ShouldContain(reason);
        (await Json(await Integrator.GetAsync("/api/webhooks/subscriptions", Ct)))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task unknown_event_types_and_regions_are_refused_by_name()
    {
        var response = await Integrator.PostAsJsonAsync("/api/webhooks/subscriptions",
            new { url = Receiver.Url, eventTypes = new[] { "dsl.enrolment.confirmed.v1", "dsl.enrolment.exploded.v1" }, regions = new[] { "atlantis" } }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Json(response))["errors"]!;
        errors["eventTypes"]![0]!.GetValue<string>().ShouldContain("dsl.enrolment.exploded.v1");
        errors["regions"].ShouldNotBeNull();
    }

    [Fact]
    public async Task an_integrator_sees_only_its_own_subscriptions_and_an_admin_sees_all()
    {
        var mine = await Subscribe();
        var other = App.Client("integrator");
        var theirs = await Json(await other.PostAsJsonAsync("/api/webhooks/subscriptions", new { url = Receiver.Url, eventTypes = new[] { "*" } }, Ct));

        (await Json(await Integrator.GetAsync("/api/webhooks/subscriptions", Ct)))["items"]!.AsArray()
            .Select(s => s!["id"]!.GetValue<Guid>()).ShouldBe([mine.Id]);
        (await Integrator.GetAsync($"/api/webhooks/subscriptions/{theirs["id"]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Integrator.DeleteAsync($"/api/webhooks/subscriptions/{theirs["id"]}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json(await Admin.GetAsync("/api/webhooks/subscriptions", Ct)))["items"]!.AsArray().Count.ShouldBe(2);
        (await App.Client("lead").GetAsync("/api/webhooks/subscriptions", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_paused_subscription_queues_events_and_resuming_sends_them()
    {
        var (subscription, _) = await Subscribe();
        await Change(subscription, new { status = "paused" });
        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()));
        await Eventually(async () => (await Deliveries(subscription)).Count == 1, "the event is queued");
        await Task.Delay(300, Ct); // give a wrongly-live worker the chance to send, to show it does not
        Receiver.Received.ShouldBeEmpty();

        await Change(subscription, new { status = "active" });
        await Eventually(() => Receiver.Received.Count == 1, "the queued event is sent on resumption");
    }

    [Fact]
    public async Task changing_the_types_filters_what_is_queued()
    {
        var (subscription, _) = await Subscribe(types: ["dsl.enrolment.submitted.v1"]);
        await Change(subscription, new { eventTypes = new[] { "dsl.enrolment.endorsed.v1" } });
        var enrolment = Guid.NewGuid();
        await Publish(Event<EnrolmentSubmitted>(enrolment), Event<EnrolmentEndorsed>(enrolment));

        await Eventually(() => Receiver.Received.Count == 1, "the endorsement arrives");
        Receiver.Received.Single().Body.ShouldContain("dsl.enrolment.endorsed.v1");
    }

    [Fact]
    public async Task after_rotation_both_secrets_sign_until_the_old_one_retires()
    {
        var (subscription, oldSecret) = await Subscribe();
        var rotated = await Json(await Integrator.PostAsync($"/api/webhooks/subscriptions/{subscription}/secret/rotate", null, Ct));
        var newSecret = rotated["secret"]!.GetValue<string>();
        (rotated["previousSecretRetiresAt"]!.GetValue<DateTimeOffset>() - App.Clock.GetUtcNow()).ShouldBe(TimeSpan.FromHours(24), TimeSpan.FromSeconds(5));

        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()));
        await Eventually(() => Receiver.Received.Count == 1, "the first event arrives");
        var during = Receiver.Received.Single();
        during.Signature.Split(' ').Length.ShouldBe(2);
        WebhookReceiver.Verify(during, oldSecret, App.Clock.GetUtcNow()).ShouldBeTrue();
        WebhookReceiver.Verify(during, newSecret, App.Clock.GetUtcNow()).ShouldBeTrue();

        App.Clock.Advance(TimeSpan.FromHours(25));
        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()));
        await Eventually(() => Receiver.Received.Count == 2, "the second event arrives");
        var after = Receiver.Received.Last();
        WebhookReceiver.Verify(after, oldSecret, App.Clock.GetUtcNow()).ShouldBeFalse("the old secret has retired");
        WebhookReceiver.Verify(after, newSecret, App.Clock.GetUtcNow()).ShouldBeTrue();
    }

    [Fact]
    public async Task a_deleted_subscription_receives_nothing_more()
    {
        var (subscription, _) = await Subscribe();
        (await Integrator.DeleteAsync($"/api/webhooks/subscriptions/{subscription}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Publish(Event<EnrolmentSubmitted>(Guid.NewGuid()));
        await Eventually(async () => (await Json(await Integrator.GetAsync("/api/events", Ct)))["items"]!.AsArray().Count == 1, "recorded");
        await Task.Delay(300, Ct); // give a wrongly-live delivery the chance to arrive
        Receiver.Received.ShouldBeEmpty();
        (await Integrator.GetAsync($"/api/webhooks/subscriptions/{subscription}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task Change(Guid subscription, object change)
    {
        var current = await Integrator.GetAsync($"/api/webhooks/subscriptions/{subscription}", Ct);
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/webhooks/subscriptions/{subscription}")
        {
            Content = JsonContent.Create(change),
            Headers = { IfMatch = { current.Headers.ETag! } },
        };
        var response = await Integrator.SendAsync(request, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }
}
