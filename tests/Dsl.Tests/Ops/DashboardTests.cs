using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.Host.Commands;
using Dsl.Tests.Integrators;
using Npgsql;

namespace Dsl.Tests.Ops;

/// <summary>
/// The real dashboard, as ops use it: the Aspire dashboard and the host each as their own process, the host
/// exporting OTLP; after an endorsement the dashboard's HTTP API returns that request's trace with the spans
/// of every module and of the webhook delivery.
/// </summary>
public sealed class DashboardTests(DslApp app) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _database = "dsl_dashboard_" + Guid.NewGuid().ToString("N")[..8];
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync()
    {
        await Execute($"create database {_database}");
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await Execute($"drop database if exists {_database} with (force)");
    }

    [Fact]
    public async Task the_dashboard_shows_an_endorsements_trace_across_modules_and_the_webhook()
    {
        using var dashboard = DashboardCommand.Start(FreePort(), FreePort(), FreePort(), exportHere: false);
        var connection = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = _database }.ConnectionString;
        var opsPort = FreePort();
        await using var host = await HostProcess.StartAsync(connection, new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = dashboard.OtlpUrl, ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["Dsl__Metrics__Listener"] = $"http://127.0.0.1:{opsPort}",
        });
        var admin = host.Client(app.Tokens.Issue("admin"));
        (await host.Client(app.Tokens.Issue("integrator")).PostAsJsonAsync("/api/webhooks/subscriptions",
            new { url = _receiver.Url, eventTypes = new[] { "dsl.enrolment.confirmed.v1" } }, Ct)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/settings", new
        {
            urn = "600001", name = "Dashboard School", type = "academy", phase = "primary", localAuthority = "Camden", region = "london",
        }, Ct)).EnsureSuccessStatusCode();
        var cohort = (await (await admin.PostAsJsonAsync("/api/cohorts", new
        {
            academicYearId = "2023-24", region = "london", deliveryMode = "virtual", name = "Dashboard cohort", startsOn = "2023-10-02", capacity = 5,
        }, Ct)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonNode>(Ct))!["id"]!.GetValue<Guid>();
        var submitted = await admin.PostAsJsonAsync("/api/enrolments", new { settingUrn = "600001", lead = Programme.Lead(), cohortId = cohort, track = "full" }, Ct);
        var enrolment = (await submitted.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonNode>(Ct))!["id"]!.GetValue<Guid>();

        var endorsed = await admin.PostAsJsonAsync($"/api/enrolments/{enrolment}/endorsement", Programme.Endorsement, Ct);
        endorsed.EnsureSuccessStatusCode();
        var traceId = endorsed.Headers.GetValues("traceresponse").Single().Split('-')[1];

        using var api = new HttpClient { BaseAddress = new Uri(dashboard.UiUrl) };
        string[] expected = ["POST /api/enrolments/{id}/endorsement", "curriculum", "peernetwork", "integrators", "webhook delivery"];
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
                if (name == "dsl.enrolment.confirmed.v1" && module is not null && Attribute(span, "dsl.enrolment_id") == enrolment.ToString())
                    found.Add(module);
            }
        }
        found.ShouldBe(expected, ignoreOrder: true, "the dashboard holds the request, each module's handler and the delivery in one trace");

        using var ops = new HttpClient();
        (await ops.GetStringAsync($"http://127.0.0.1:{opsPort}/metrics", Ct))
            .ShouldContain("dsl_enrolment_transitions_total", Case.Sensitive, "the ops-only listener serves metrics without a token");
    }

    private static IEnumerable<JsonNode> Spans(JsonNode? body) =>
        body?["data"]?["resourceSpans"]?.AsArray().SelectMany(r => r!["scopeSpans"]!.AsArray())
            .SelectMany(s => s!["spans"]!.AsArray()).Select(s => s!) ?? [];

    private static string? Attribute(JsonNode span, string key) =>
        span["attributes"]?.AsArray().FirstOrDefault(a => a!["key"]!.GetValue<string>() == key)?["value"]?["stringValue"]?.GetValue<string>();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task Execute(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
