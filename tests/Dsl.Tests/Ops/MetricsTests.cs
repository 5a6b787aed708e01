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
        var cohort = await given.Cohort(capacity: 1);
        await given.EndorsedEnrolment(await given.Setting(), cohort);
        await given.EndorsedEnrolment(await given.Setting(), cohort);
        await Eventually(() => Receiver.Received.Count >= 5, "the webhooks are delivered");

        // The cohort is full with one waiting: both gauges say so for it.
        string Gauge(string scrape, string name) => scrape.Split('\n')
            .FirstOrDefault(line => line.StartsWith(name + "{") && line.Contains($"dsl_cohort_id=\"{cohort}\""))?.Split(' ')[1] ?? "";
        var scrape = "";
        await Eventually(async () => Gauge(scrape = await Admin.GetStringAsync("/metrics", Ct), "dsl_cohort_waitlist_length") == "1",
            "the occupancy gauges are refreshed");
        Gauge(scrape, "dsl_cohort_places_left").ShouldBe("0");
        scrape.ShouldContain("dsl_region=\"london\"");
        foreach (var metric in new[]
                 {
                     "dsl_integration_events_published_total{", "type=\"dsl.enrolment.confirmed.v1\"", "dsl_module=\"enrolment\"", "dsl_webhook_deliveries_total{", "outcome=\"delivered\"",
                     "dsl_webhook_delivery_duration_milliseconds_bucket", "dsl_dead_letters", "dsl_webhook_backlog",
                     "http_server_request_duration_seconds", "http_client_request_duration_seconds", "dotnet_gc_",
                 })
            scrape.ShouldContain(metric, Case.Sensitive, $"the scrape has no {metric}");
        scrape.ShouldContain("wolverine", Case.Insensitive);
        scrape.ShouldContain("marten_event_append", Case.Insensitive);
    }
}
