using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.Host.Commands;
using Dsl.Tests.Integrators;

namespace Dsl.Tests.Ops;

/// <summary>
/// The real dashboard, as ops use it: the Aspire dashboard and the host each as their own process, the host
/// exporting OTLP; after an endorsement the dashboard's HTTP API returns that request's trace with the spans
/// of every module and of the webhook delivery.
/// </summary>
public sealed class DashboardTests(DslApp app) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private OwnDatabase _database = null!;
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await OwnDatabase.CreateAsync(app, "dashboard");
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task the_dashboard_shows_an_endorsements_trace_across_modules_and_the_webhook()
    {
        using var dashboard = DashboardCommand.Start(HostApi.FreePort(), HostApi.FreePort(), HostApi.FreePort(), exportHere: false);
        var opsPort = HostApi.FreePort();
        await using var host = await HostProcess.StartAsync(_database.ConnectionString, new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = dashboard.OtlpUrl, ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["Dsl__Metrics__Listener"] = $"http://127.0.0.1:{opsPort}",
        });
        var admin = host.Client(app.Tokens.Issue("admin"));
        (await host.Client(app.Tokens.Issue("integrator")).PostAsJsonAsync("/api/webhooks/subscriptions",
            new { url = _receiver.Url, eventTypes = new[] { "dsl.enrolment.confirmed.v1" } }, Ct)).EnsureSuccessStatusCode();
        var enrolment = await HostApi.Enrolment(admin, "600001", await HostApi.Cohort(admin, "Dashboard cohort", capacity: 5));
        // The submission recorded first: a batch of the log continues the trace of its first event (ADR 0036), so the
        // endorsement's events must not share a batch with the submission's.
        var integrator = host.Client(app.Tokens.Issue("integrator"));
        (await Polling.Until(async () => (await integrator.GetFromJsonAsync<JsonNode>("/api/events?types=dsl.enrolment.submitted.v1", Ct))!
                ["items"]!.AsArray().Any(e => e!["subject"]!.GetValue<string>() == enrolment.ToString()), TimeSpan.FromSeconds(10)))
            .ShouldBeTrue("the submission is recorded in the feed");

        var endorsed = await admin.PostAsJsonAsync($"/api/enrolments/{enrolment}/endorsement", Programme.Endorsement, Ct);
        endorsed.EnsureSuccessStatusCode();
        var traceId = endorsed.Headers.GetValues("traceresponse").Single().Split('-')[1];

        using var api = new HttpClient { BaseAddress = new Uri(dashboard.UiUrl) };
        string[] expected = ["POST /api/enrolments/{id}/endorsement", "curriculum", "assessment", "awards", "peernetwork", "integrators", "webhook delivery"];
        var found = new HashSet<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (found.Count < expected.Length && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, Ct); // polling the dashboard until the exporter's batches arrive
            var response = await api.GetAsync($"/api/telemetry/traces/{traceId}", Ct);
            if (!response.IsSuccessStatusCode) continue;
            foreach (var span in Spans(await response.Content.ReadFromJsonAsync<JsonNode>(Ct)))
            {
                var name = span["name"]!.GetValue<string>();
                var module = Attribute(span, "dsl.module");
                if (name == expected[0] || name == "webhook delivery") found.Add(name);
                // Each module takes the confirmation as its own update, in batches (ADR 0038).
                if (name.EndsWith(".enrolment-update.v1") && module is not null && Attribute(span, "dsl.enrolment_id") == enrolment.ToString())
                    found.Add(module);
                // The log records in batches (ADR 0036); a batch of one carries its event's ids.
                if (name == "dsl.host.record-integration-event.v1" && module is not null) found.Add(module);
            }
        }
        found.ShouldBe(expected, ignoreOrder: true, "the dashboard holds the request, each module's handler and the delivery in one trace");

        using var ops = new HttpClient();
        (await ops.GetStringAsync($"http://127.0.0.1:{opsPort}/metrics", Ct))
            .ShouldContain("dsl_integration_events_published_total", Case.Sensitive, "the ops-only listener serves metrics without a token");
    }

    private static IEnumerable<JsonNode> Spans(JsonNode? body) =>
        body?["data"]?["resourceSpans"]?.AsArray().SelectMany(r => r!["scopeSpans"]!.AsArray())
            .SelectMany(s => s!["spans"]!.AsArray()).Select(s => s!) ?? [];

    private static string? Attribute(JsonNode span, string key) =>
        span["attributes"]?.AsArray().FirstOrDefault(a => a!["key"]!.GetValue<string>() == key)?["value"]?["stringValue"]?.GetValue<string>();

}
