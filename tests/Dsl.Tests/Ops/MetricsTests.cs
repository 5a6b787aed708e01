using System.Net;
using Dsl.Enrolment.Contracts;

namespace Dsl.Tests.Ops;

public sealed class MetricsTests(DslApp app) : Integrators.IntegratorTest(app)
{
    [Fact]
    public async Task metrics_are_for_admins_only()
    {
        (await App.Client(null).GetAsync("/metrics", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Integrator.GetAsync("/metrics", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_scrape_carries_platform_and_business_metrics()
    {
        await Subscribe();
        var given = new Programme(App);
        await given.EndorsedEnrolment(await given.Setting(), await given.Cohort());
        await Eventually(() => Receiver.Received.Count >= 3, "the webhooks are delivered");

        var scrape = "";
        await Eventually(async () => (scrape = await Admin.GetStringAsync("/metrics", Ct)).Contains("dsl_cohort_places_left{"),
            "the occupancy gauges are refreshed");
        scrape.ShouldContain("dsl_cohort_waitlist_length{");
        scrape.ShouldContain("dsl_region=\"london\"");
        foreach (var metric in new[]
                 {
                     "dsl_enrolment_transitions_total{", "transition=\"confirmed\"", "dsl_webhook_deliveries_total{", "outcome=\"delivered\"",
                     "dsl_webhook_delivery_duration_milliseconds_bucket", "dsl_dead_letters", "dsl_webhook_backlog",
                     "http_server_request_duration_seconds", "http_client_request_duration_seconds", "dotnet_gc_",
                 })
            scrape.ShouldContain(metric, Case.Sensitive, $"the scrape has no {metric}");
        scrape.ShouldContain("wolverine", Case.Insensitive);
        scrape.ShouldContain("marten_event_append", Case.Insensitive);
    }
}
