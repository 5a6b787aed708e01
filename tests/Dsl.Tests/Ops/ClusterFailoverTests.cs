using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.BuildingBlocks.Http;
using Dsl.Tests.Integrators;
using Npgsql;

namespace Dsl.Tests.Ops;

/// <summary>
/// Three nodes (Wolverine balanced mode) on one database, each its own process. A client spreads submissions and
/// endorsements over them; the node that leads the cluster is killed with SIGKILL mid-load and started again. Then
/// every module's work is there exactly once, every event is in the feed once and delivered, no cohort is
/// overbooked, every place offer expires once, the webhook worker and the gauges live on one node, and a node
/// stopped with SIGTERM leaves in time. A minute or so: run by `.ci/run` as its own step
/// (<c>dotnet test tests/Dsl.Tests -- --filter-class '*ClusterFailoverTests*' --explicit only</c>), not by the main suite.
/// </summary>
public sealed class ClusterFailoverTests(DslApp app, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Capacity = 8;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Dictionary<string, string> NodeSettings = new()
    {
        ["Dsl__SingleNode"] = "false",
        // Quick failure detection for a test: a heartbeat a second, a node silent for 3 s is dead.
        ["Dsl__Cluster__HeartbeatInterval"] = "00:00:01",
        ["Dsl__Cluster__StaleNodeTimeout"] = "00:00:03",
        ["Dsl__Idempotency__AbandonedAfter"] = "00:00:02",
        ["Dsl__Enrolment__OfferExpiry"] = "00:00:12",
        ["Dsl__ShutdownTimeout"] = "00:00:10",
    };

    private OwnDatabase _database = null!;
    private WebhookReceiver _receiver = null!;
    private readonly HostProcess?[] _nodes = new HostProcess?[3];
    private readonly HttpClient?[] _clients = new HttpClient?[3];
    private int _next;

    public async ValueTask InitializeAsync()
    {
        _database = await OwnDatabase.CreateAsync(app, "cluster");
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) if (node is not null) await node.DisposeAsync();
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact(Explicit = true)]
    public async Task a_killed_node_s_work_is_taken_over_and_done_exactly_once()
    {
        // The first node creates the schema; the other two join it.
        await StartNode(0);
        await Task.WhenAll(StartNode(1), StartNode(2));
        var admin = Admin(0);
        (await _clients[0]!.WithToken(app.Tokens.Issue("integrator"))
                .PostAsJsonAsync("/api/webhooks/subscriptions", new { url = _receiver.Url, eventTypes = new[] { "*" } }, Ct))
            .EnsureSuccessStatusCode();
        var cohort = await HostApi.Cohort(admin, "Cluster cohort", capacity: Capacity);
        (await Until(async () => (await Nodes()).Count(n => n.Leader) == 1, TimeSpan.FromSeconds(30))).ShouldBeTrue("a leader is elected");

        var started = Stopwatch.StartNew();
        var accepted = new ConcurrentDictionary<string, Guid>();
        var withdrawn = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 3).Select(worker => Task.Run(async () =>
        {
            var confirmedHere = new Queue<(string Urn, Guid Id)>();
            for (var i = 0; !stop.IsCancellationRequested && i < 12; i++)
            {
                var urn = $"{700000 + worker * 100 + i}";
                await Post("/api/settings", $"setting-{urn}", new
                {
                    urn, name = "School " + urn, type = "academy", phase = "primary", localAuthority = "Camden", region = "london",
                });
                var id = await IdOf(await Post("/api/enrolments", $"enrolment-{urn}",
                    new { settingUrn = urn, lead = Programme.Lead(), cohortId = cohort, track = "full" }), urn);
                var endorsed = await Post($"/api/enrolments/{id}/endorsement", $"endorsement-{urn}", Programme.Endorsement);
                accepted[urn] = id;
                if (endorsed.IsSuccessStatusCode
                    && (await endorsed.Content.ReadFromJsonAsync<JsonNode>(Ct))!["status"]!.GetValue<string>() == "confirmed")
                    confirmedHere.Enqueue((urn, id));
                // Now and then a confirmed lead leaves: the freed place is offered to the next in line, whose offer
                // expires (a scheduled message) while the cluster is failing over.
                if (i % 4 == 3 && confirmedHere.TryDequeue(out var leaving))
                {
                    await Post($"/api/enrolments/{leaving.Id}/withdrawal", $"withdrawal-{leaving.Urn}", new { reason = "leadLeft" });
                    withdrawn.Add(leaving.Id);
                }
            }
        }, Ct)).ToList();

        (await Until(() => Task.FromResult(accepted.Count >= 10), TimeSpan.FromSeconds(90))).ShouldBeTrue("the load gets going");
        output.WriteLine($"{accepted.Count} enrolments in {started.Elapsed.TotalSeconds:0.0} s; killing the leader");
        var before = await Nodes();
        before.Count(n => n.Leader).ShouldBe(1, "one leader");
        before.Count(n => n.DeliversWebhooks).ShouldBeLessThanOrEqualTo(1, "one node delivers webhooks");
        var victim = before.Single(n => n.Leader).Slot;
        output.WriteLine($"killing node {victim + 1} (leader; agents: {string.Join(", ", before[victim].Agents)}; delivers webhooks: {before[victim].DeliversWebhooks})");
        Volatile.Write(ref _clients[victim], null);
        _nodes[victim]!.Kill();
        var killedAt = Stopwatch.StartNew();
        admin = Admin((victim + 1) % 3);

        // The survivors elect a leader and the message store's durability agent runs on one of them again.
        (await Until(async () => (await Nodes()) is var now && now.Count(n => n.Leader) == 1 && now.Any(n => n.Agents.Length > 0),
            TimeSpan.FromSeconds(60))).ShouldBeTrue("the survivors elect a leader and run the agents");
        var takeover = killedAt.Elapsed;
        output.WriteLine($"survivors took over after {takeover.TotalSeconds:0.0} s");

        await _nodes[victim]!.DisposeAsync();
        await StartNode(victim);
        output.WriteLine($"node {victim + 1} restarted {killedAt.Elapsed.TotalSeconds:0.0} s after the kill");
        await Task.WhenAll(load);
        output.WriteLine($"load done ({accepted.Count} enrolments) {killedAt.Elapsed.TotalSeconds:0.0} s after the kill");
        await stop.CancelAsync();

        // Every accepted enrolment: confirmed, waitlisted or offered (or withdrawn), and each confirmed one has its
        // Curriculum progress record and PeerNetwork membership (both keyed by the enrolment id: one each at most).
        var enrolments = await AllEnrolments(admin);
        enrolments.GroupBy(e => e["settingUrn"]!.GetValue<string>()).ShouldAllBe(g => g.Count() == 1, "a retried create is applied once");
        accepted.Values.ShouldAllBe(id => enrolments.Any(e => e["id"]!.GetValue<Guid>() == id));
        enrolments.Count(e => e["holdsPlace"]!.GetValue<bool>()).ShouldBeLessThanOrEqualTo(Capacity, "the cohort is not overbooked");
        var confirmed = enrolments.Where(e => e["status"]!.GetValue<string>() == "confirmed").Select(e => e["id"]!.GetValue<Guid>()).ToList();
        await Until(async () => (await Missing("curriculum.mt_doc_leadprogress", confirmed)).Count == 0
                                && (await Missing("peer_network.mt_doc_networkmember", confirmed)).Count == 0, TimeSpan.FromSeconds(60));
        (await Missing("curriculum.mt_doc_leadprogress", confirmed)).ShouldBeEmpty("every confirmed enrolment has its progress record");
        (await Missing("peer_network.mt_doc_networkmember", confirmed)).ShouldBeEmpty("every confirmed enrolment is a network member");

        // Every committed event is in the feed once; every offer that is due has expired exactly once.
        List<FeedEvent> feed = [];
        var offersExpired = await Until(async () => DueOffersExpired(feed = await Feed(admin)), TimeSpan.FromSeconds(60));
        output.WriteLine(string.Join(", ", feed.GroupBy(e => e.Type).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine("offers: " + string.Join(", ", feed.Where(e => e.ExpiresAt is not null).Select(e => $"{e.Subject[..8]} until {e.ExpiresAt:HH:mm:ss}")) + $"; now {DateTimeOffset.UtcNow:HH:mm:ss}");
        offersExpired.ShouldBeTrue("every offer that is due has expired");
        output.WriteLine($"feed checked ({feed.Count} events) {killedAt.Elapsed.TotalSeconds:0.0} s after the kill");
        feed.GroupBy(e => e.Id).ShouldAllBe(g => g.Count() == 1, "an event is in the feed once");
        var enrolmentIds = accepted.Values.Select(id => id.ToString()).ToHashSet();
        foreach (var subject in feed.Where(e => enrolmentIds.Contains(e.Subject)).GroupBy(e => e.Subject))
        {
            subject.Count(e => e.Type == "dsl.enrolment.submitted.v1").ShouldBe(1, $"{subject.Key} submitted once");
            subject.Count(e => e.Type == "dsl.enrolment.endorsed.v1").ShouldBeLessThanOrEqualTo(1, $"{subject.Key} endorsed once");
            subject.Count(e => e.Type == "dsl.enrolment.offer-expired.v1")
                .ShouldBeLessThanOrEqualTo(subject.Count(e => e.Type == "dsl.enrolment.place-offered.v1"), $"{subject.Key}: an offer expires once");
        }
        withdrawn.ShouldNotBeEmpty();
        feed.ShouldContain(e => e.Type == "dsl.enrolment.offer-expired.v1", "offers made before the kill expired after it");

        // Delivered at least once, duplicates identical.
        var ids = feed.Select(e => e.Id).ToHashSet();
        await Until(() => Task.FromResult(ids.IsSubsetOf(_receiver.Received.Select(r => r.Id).ToHashSet())), TimeSpan.FromSeconds(60));
        ids.Except(_receiver.Received.Select(r => r.Id)).ShouldBeEmpty("every event in the feed reaches the webhook receiver");
        _receiver.Received.GroupBy(r => r.Id).ShouldAllBe(g => g.Select(r => r.Body).Distinct().Count() == 1, "a redelivered event is identical");

        // One leader, one webhook deliverer, one node reporting the programme's gauges.
        var after = await Nodes();
        after.Count(n => n.Leader).ShouldBe(1);
        after.Count(n => n.DeliversWebhooks).ShouldBe(1, "the webhook worker runs on exactly one node");
        var reporting = new List<int>();
        for (var slot = 0; slot < 3; slot++)
            if ((await Admin(slot).GetStringAsync("/metrics", Ct)).Contains("dsl_cohort_places_left{")) reporting.Add(slot);
        reporting.Count.ShouldBe(1, "the cohort gauges are reported by one node, not once per node");

        // SIGTERM: the node leaves within its shutdown time, exit code 0, and its agents move to the others.
        var leaving = after.First(n => n.Agents.Length > 0).Slot;
        Volatile.Write(ref _clients[leaving], null);
        var (took, exitCode) = await _nodes[leaving]!.TerminateAsync(TimeSpan.FromSeconds(20));
        output.WriteLine($"node {leaving + 1} stopped on SIGTERM in {took.TotalSeconds:0.0} s");
        exitCode.ShouldBe(0);
        took.ShouldBeLessThan(TimeSpan.FromSeconds(12), "a node stops within Dsl:ShutdownTimeout");
        (await Until(async () => (await Nodes()).Any(n => n.Agents.Length > 0), TimeSpan.FromSeconds(30)))
            .ShouldBeTrue("a remaining node runs the stopped node's agents");
    }

    /// <summary>Some offer is due, and every offer whose expiry is a few seconds past has its offer-expired event.</summary>
    private static bool DueOffersExpired(List<FeedEvent> events)
    {
        var due = DateTimeOffset.UtcNow.AddSeconds(-5);
        if (!events.Any(e => e.Type == "dsl.enrolment.place-offered.v1" && e.ExpiresAt < due)) return false;
        return events.Where(e => e.Type == "dsl.enrolment.place-offered.v1" && e.ExpiresAt < due).GroupBy(e => e.Subject)
            .All(offers => events.Count(e => e.Type == "dsl.enrolment.offer-expired.v1" && e.Subject == offers.Key) >= offers.Count());
    }

    private sealed record NodeState(int Slot, bool Leader, bool DeliversWebhooks, string[] Agents);

    private sealed record FeedEvent(string Id, string Type, string Subject, DateTimeOffset? ExpiresAt);

    private async Task StartNode(int slot)
    {
        var node = await HostProcess.StartAsync(_database.ConnectionString, NodeSettings);
        _nodes[slot] = node;
        Volatile.Write(ref _clients[slot], new HttpClient { BaseAddress = new Uri(node.Url), Timeout = TimeSpan.FromSeconds(30) });
    }

    private HttpClient Admin(int slot) => _clients[slot]!.WithToken(app.Tokens.Issue("admin"));

    /// <summary>What each live node's readiness says about its part in the cluster.</summary>
    private async Task<List<NodeState>> Nodes()
    {
        var states = new List<NodeState>();
        for (var slot = 0; slot < 3; slot++)
        {
            if (Volatile.Read(ref _clients[slot]) is not { } client) continue;
            var node = (await client.GetFromJsonAsync<JsonNode>("/health/ready", Ct))!["checks"]!["node"]!["data"]!;
            states.Add(new NodeState(slot, node["leader"]!.GetValue<bool>(), node["deliversWebhooks"]!.GetValue<bool>(),
                node["agents"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray()));
        }
        return states;
    }

    /// <summary>
    /// A client of the cluster behind a load balancer: each request to the next live node; a node that is gone,
    /// a 503 or a key still running elsewhere is retried, on another node, with the same Idempotency-Key.
    /// </summary>
    private async Task<HttpResponseMessage> Post(string route, string key, object body)
    {
        var token = app.Tokens.Issue("admin");
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 200) throw new TimeoutException($"{route} was not answered");
            var slot = (int)((uint)Interlocked.Increment(ref _next) % 3);
            if (Volatile.Read(ref _clients[slot]) is not { } client) continue;
            using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonContent.Create(body) };
            request.Headers.Add(Idempotency.Header, key);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            HttpResponseMessage response;
            try { response = await client.SendAsync(request, Ct); }
            catch (HttpRequestException) { await Task.Delay(100, Ct); continue; } // that node is gone: the next one
            catch (TaskCanceledException) when (!Ct.IsCancellationRequested) { continue; }
            response.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError, await response.Content.ReadAsStringAsync(Ct));
            var running = response.StatusCode == HttpStatusCode.Conflict
                          && (await response.Content.ReadAsStringAsync(Ct)).Contains(Idempotency.Header);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable || running)
            {
                await Task.Delay(200, Ct); // a test's stand-in for Retry-After
                continue;
            }
            // A plain 409: an earlier attempt on the killed node took effect, its answer lost with the node.
            if (response.StatusCode != HttpStatusCode.Conflict) response.EnsureSuccessStatusCode();
            return response;
        }
    }

    private async Task<Guid> IdOf(HttpResponseMessage created, string urn)
    {
        if (created.IsSuccessStatusCode) return (await created.Content.ReadFromJsonAsync<JsonNode>(Ct))!["id"]!.GetValue<Guid>();
        var live = Enumerable.Range(0, 3).First(slot => Volatile.Read(ref _clients[slot]) is not null);
        return (await AllEnrolments(Admin(live))).Single(e => e["settingUrn"]!.GetValue<string>() == urn)["id"]!.GetValue<Guid>();
    }

    private static async Task<List<JsonNode>> AllEnrolments(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonNode>("/api/enrolments?limit=200", Ct))!["items"]!.AsArray().Select(e => e!).ToList();

    private static async Task<List<FeedEvent>> Feed(HttpClient admin)
    {
        var events = new List<FeedEvent>();
        string? cursor = null;
        JsonNode page;
        do
        {
            page = (await admin.GetFromJsonAsync<JsonNode>($"/api/events?limit=200{(cursor is null ? "" : $"&after={cursor}")}", Ct))!;
            foreach (var e in page["items"]!.AsArray())
                events.Add(new FeedEvent(e!["id"]!.GetValue<string>(), e["type"]!.GetValue<string>(), e["subject"]!.GetValue<string>(),
                    e["data"]?["expiresAt"]?.GetValue<DateTimeOffset>()));
            cursor = page["nextCursor"]!.GetValue<string>();
        } while (page["hasMore"]!.GetValue<bool>());
        return events;
    }

    /// <summary>The ids with no row in a module's document table (read directly: the test checks the stores, not an API).</summary>
    private async Task<List<Guid>> Missing(string table, IEnumerable<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand($"select id from {table} where id = any(@ids)", connection);
        var wanted = ids.ToArray();
        command.Parameters.AddWithValue("ids", wanted);
        var found = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) found.Add(reader.GetGuid(0));
        return wanted.Where(id => !found.Contains(id)).ToList();
    }

    private static async Task<T> Until<T>(Func<Task<T?>> value, TimeSpan limit) where T : class
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await value() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not reached within {limit}");
            await Task.Delay(250, Ct); // polling the outcome
        }
    }

    private static Task<bool> Until(Func<Task<bool>> condition, TimeSpan limit) =>
        Polling.Until(condition, limit, TimeSpan.FromMilliseconds(250));
}

internal static class ClusterClients
{
    /// <summary>Another client on the same node with a bearer token.</summary>
    public static HttpClient WithToken(this HttpClient node, string token) => new()
    {
        BaseAddress = node.BaseAddress,
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token) },
    };
}
