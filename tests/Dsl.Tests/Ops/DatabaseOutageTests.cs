using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.BuildingBlocks.Http;
using Dsl.BuildingBlocks.Postgres;
using Dsl.Tests.Integrators;

namespace Dsl.Tests.Ops;

/// <summary>
/// A PostgreSQL outage under load, on a cluster of the test's own (the run's shared one is never stopped): the
/// host runs as its own process, clients keep submitting and endorsing enrolments, the server is stopped for a
/// few seconds and started again. Clients retry as the 503 tells them to, with the same Idempotency-Key.
/// </summary>
public sealed class DatabaseOutageTests(DslApp app) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dsl-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private EmbeddedPostgres _postgres = null!;
    private WebhookReceiver _receiver = null!;
    private readonly ConcurrentQueue<Attempt> _attempts = new();

    private sealed record Attempt(string Route, int Status, TimeSpan Took, string? ProblemType, string? RetryAfter);

    public async ValueTask InitializeAsync()
    {
        _postgres = await EmbeddedPostgres.StartAsync(_directory, throwaway: true, Ct);
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _postgres.DisposeAsync();
        foreach (var directory in new[] { _postgres.DataDirectory, _directory })
        {
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task an_outage_answers_503_with_retry_after_quickly_and_loses_no_accepted_write()
    {
        // A key left "running" by a request the outage cut off is taken over by a retry after 2 s (30 s by default).
        await using var host = await HostProcess.StartAsync(_postgres.ConnectionString,
            new() { ["Dsl__Idempotency__AbandonedAfter"] = "00:00:02" });
        var admin = host.Client(app.Tokens.Issue("admin"));
        var integrator = host.Client(app.Tokens.Issue("integrator"));
        (await integrator.PostAsJsonAsync("/api/webhooks/subscriptions", new { url = _receiver.Url, eventTypes = new[] { "*" } }, Ct))
            .EnsureSuccessStatusCode();
        var cohort = await HostApi.Cohort(admin, "Outage cohort", capacity: 200);

        var accepted = new ConcurrentDictionary<string, Guid>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 3).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var urn = $"{600000 + worker * 1000 + i}";
                await Send(admin, "/api/settings", $"setting-{urn}", new
                {
                    urn, name = "School " + urn, type = "academy", phase = "primary", localAuthority = "Camden", region = "london",
                });
                var created = await Send(admin, "/api/enrolments", $"enrolment-{urn}",
                    new { settingUrn = urn, lead = Programme.Lead(), cohortId = cohort, track = "full" });
                var id = created.IsSuccessStatusCode
                    ? (await created.Content.ReadFromJsonAsync<JsonNode>(Ct))!["id"]!.GetValue<Guid>()
                    : (await admin.GetFromJsonAsync<JsonNode>("/api/enrolments?limit=200", Ct))!["items"]!.AsArray()
                        .Single(e => e!["settingUrn"]!.GetValue<string>() == urn)!["id"]!.GetValue<Guid>();
                await Send(admin, $"/api/enrolments/{id}/endorsement", $"endorsement-{urn}", Programme.Endorsement);
                accepted[urn] = id;
            }
        }, Ct)).ToList();

        await Until(() => accepted.Count >= 6, TimeSpan.FromSeconds(60));
        using var probe = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await _postgres.StopAsync();
        var readyDuring = await UntilStatus(probe, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15));
        await Until(() => _attempts.Count(a => a.Status == 503) >= 6, TimeSpan.FromSeconds(10));
        await _postgres.RestartAsync(Ct);
        var readyAfter = await UntilStatus(probe, HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        var afterOutage = accepted.Count;
        await Until(() => accepted.Count >= afterOutage + 6, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        readyDuring["status"]!.GetValue<string>().ShouldBe("Unhealthy", "readiness reports the outage");
        readyAfter["status"]!.GetValue<string>().ShouldNotBe("Unhealthy", "readiness recovers by itself");
        _attempts.ShouldNotContain(a => a.Status >= 500 && a.Status != 503, Describe("no request fails with another 5xx"));
        var unavailable = _attempts.Where(a => a.Status == 503).ToList();
        unavailable.ShouldNotBeEmpty();
        unavailable.ShouldAllBe(a => a.ProblemType == Problems.Types.ServiceUnavailable.Uri && a.RetryAfter == $"{DatabaseUnavailable.RetryAfterSeconds}");
        _attempts.Max(a => a.Took).ShouldBeLessThan(TimeSpan.FromSeconds(8), Describe("no request hangs during the outage"));

        // Every accepted write is there, once: one enrolment per setting however often its create was retried,
        // and each endorsed enrolment confirmed with its Curriculum progress record.
        var enrolments = (await admin.GetFromJsonAsync<JsonNode>("/api/enrolments?limit=200", Ct))!["items"]!.AsArray();
        enrolments.GroupBy(e => e!["settingUrn"]!.GetValue<string>()).ShouldAllBe(g => g.Count() == 1, "a retried create is applied once");
        var byId = enrolments.ToDictionary(e => e!["id"]!.GetValue<Guid>());
        foreach (var (urn, id) in accepted)
        {
            byId.ShouldContainKey(id, $"the accepted enrolment of {urn} was lost");
            byId[id]!["status"]!.GetValue<string>().ShouldBe("confirmed");
        }

        // The effects arrive afterwards: each accepted enrolment's events reach the webhook receiver, and
        // Curriculum has opened its progress record.
        var expected = accepted.Values.SelectMany(id => new[] { "submitted", "endorsed", "confirmed" }
            .Select(type => (id.ToString(), $"dsl.enrolment.{type}.v1"))).ToHashSet();
        await Until(() => expected.IsSubsetOf(Delivered()), TimeSpan.FromSeconds(60), throwOnTimeout: false);
        var undelivered = expected.Except(Delivered()).ToList();
        undelivered.ShouldBeEmpty("every committed event is delivered after the outage" +
                                  (undelivered.Count == 0 ? "" : await LostEvents.DescribeAsync(_postgres.ConnectionString, undelivered.Select(u => u.Item1), host)));
        foreach (var id in accepted.Values)
        {
            var progress = await Until(async () => (await admin.GetAsync($"/api/curriculum/progress/{id}", Ct)).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30));
            progress.ShouldBeTrue($"enrolment {id} has no Curriculum progress record");
        }
    }

    /// <summary>A client that honours 503 (and a key still running): the same request, the same key, again until it is answered.</summary>
    private async Task<HttpResponseMessage> Send(HttpClient client, string route, string key, object body)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonContent.Create(body) };
            request.Headers.Add(Idempotency.Header, key);
            var clock = Stopwatch.StartNew();
            var response = await client.SendAsync(request, Ct);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? await response.Content.ReadFromJsonAsync<JsonNode>(Ct) : null;
            _attempts.Enqueue(new Attempt(route, (int)response.StatusCode, clock.Elapsed, problem?["type"]?.GetValue<string>(),
                response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            // 503: the database is away; 409 with the key still running: the first attempt was cut off by it.
            var stillRunning = response.StatusCode == HttpStatusCode.Conflict
                               && problem?["detail"]?.GetValue<string>().Contains(Idempotency.Header) == true;
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable || stillRunning)
            {
                await Task.Delay(200, Ct); // a test's stand-in for Retry-After's seconds
                continue;
            }
            // A plain 409: an earlier attempt took effect but the outage kept its answer from being recorded.
            if (response.StatusCode != HttpStatusCode.Conflict) response.EnsureSuccessStatusCode();
            return response;
        }
    }

    private string Describe(string what) =>
        $"{what}: {string.Join(", ", _attempts.Where(a => a.Status >= 500 || a.Took > TimeSpan.FromSeconds(3)).Take(10))}";

    private HashSet<(string, string)> Delivered() => _receiver.Received
        .Select(r => JsonNode.Parse(r.Body)!)
        .Select(e => (e["subject"]!.GetValue<string>(), e["type"]!.GetValue<string>())).ToHashSet();

    private static async Task<JsonNode> UntilStatus(HttpClient probe, HttpStatusCode status, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                var response = await probe.GetAsync("/health/ready", Ct);
                if (response.StatusCode == status) return (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;
            }
            catch (TaskCanceledException) when (!Ct.IsCancellationRequested) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"/health/ready did not answer {(int)status} within {limit}");
            await Task.Delay(100, Ct); // polling readiness
        }
    }

    private static Task Until(Func<bool> condition, TimeSpan limit, bool throwOnTimeout = true) =>
        Until(() => Task.FromResult(condition()), limit, throwOnTimeout);

    private static async Task<bool> Until(Func<Task<bool>> condition, TimeSpan limit, bool throwOnTimeout = false) =>
        await Polling.Until(condition, limit) || (throwOnTimeout ? throw new TimeoutException($"condition not met within {limit}") : false);
}
