using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dsl.Tests.Integrators;

/// <summary>Any module's public contracts reach integrators the same way, from their own source.</summary>
public sealed class ModuleEventsTests(DslApp app) : IntegratorTest(app)
{
    [Fact]
    public async Task a_curriculum_event_reaches_the_feed_the_catalogue_and_webhooks_from_urn_dsl_curriculum()
    {
        var given = new Programme(App);
        var (enrolment, _) = await given.EndorsedEnrolment(await given.Setting(), await given.Cohort());
        var (subscription, secret) = await Subscribe(["dsl.curriculum.lead-progressed.v1"]);

        (await given.AndWait(() => App.Client("admin").PostAsJsonAsync(
            $"/api/curriculum/progress/{enrolment}/phase", new { phase = "reflectivePlanning", reason = "trained elsewhere" }, Ct))).EnsureSuccessStatusCode();

        var feed = await Json(await Integrator.GetAsync("/api/events?types=dsl.curriculum.lead-progressed.v1", Ct));
        var recorded = feed["items"]!.AsArray().Single()!;
        recorded["source"]!.GetValue<string>().ShouldBe("urn:dsl:curriculum");
        recorded["subject"]!.GetValue<string>().ShouldBe(enrolment.ToString());
        recorded["data"]!["phase"]!.GetValue<string>().ShouldBe("reflectivePlanning");
        recorded["data"]!["region"]!.GetValue<string>().ShouldBe("london");

        await Eventually(async () => (await Deliveries(subscription)).SingleOrDefault()?["status"]?.GetValue<string>() == "delivered",
            "the webhook is delivered");
        var webhook = Receiver.Received.Single();
        WebhookReceiver.Verify(webhook, secret, App.Clock.GetUtcNow()).ShouldBeTrue();
        var delivered = JsonNode.Parse(webhook.Body)!;
        delivered["source"]!.GetValue<string>().ShouldBe("urn:dsl:curriculum");
        delivered["id"]!.GetValue<string>().ShouldBe(recorded["id"]!.GetValue<string>(), "one event, one id, wherever it is read");

        var asyncApi = await Json(await App.Client(null).GetAsync("/asyncapi/v1.json", Ct));
        asyncApi["channels"]!["LeadProgressed"]!["address"]!.GetValue<string>().ShouldBe("dsl.curriculum.lead-progressed.v1");
        asyncApi["components"]!["schemas"]!["LeadProgressedCloudEvent"]!["properties"]!["source"]!["const"]!.GetValue<string>()
            .ShouldBe("urn:dsl:curriculum");
        asyncApi["components"]!["schemas"]!["LeadProgressed"]!["properties"]!["phase"].ShouldNotBeNull();
    }

    [Fact]
    public async Task completing_the_programme_publishes_curriculums_completion_and_enrolments_completed()
    {
        var given = new Programme(App);
        var (enrolment, _) = await given.EndorsedEnrolment(await given.Setting(), await given.Cohort());
        foreach (var phase in new[] { "reflectivePlanning", "embedding", "completed" })
            (await given.AndWait(() => App.Client("admin").PostAsJsonAsync(
                $"/api/curriculum/progress/{enrolment}/phase", new { phase, reason = "cohort disrupted by closures" }, Ct))).EnsureSuccessStatusCode();

        var types = (await Json(await Integrator.GetAsync($"/api/events?types=dsl.curriculum.programme-completed.v1,dsl.enrolment.completed.v1", Ct)))
            ["items"]!.AsArray().Select(e => (e!["type"]!.GetValue<string>(), e["source"]!.GetValue<string>(), e["subject"]!.GetValue<string>()));
        types.ShouldBe([
            ("dsl.curriculum.programme-completed.v1", "urn:dsl:curriculum", enrolment.ToString()),
            ("dsl.enrolment.completed.v1", "urn:dsl:enrolment", enrolment.ToString()),
        ]);
        (await given.Get($"/api/enrolments/{enrolment}"))["status"]!.GetValue<string>().ShouldBe("completed");
    }
}
