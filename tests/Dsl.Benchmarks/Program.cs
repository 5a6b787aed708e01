using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.Benchmarks;
using Dsl.BuildingBlocks.Postgres;
using Dsl.Host.Security;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

// Benchmark harness: `dotnet run -c Release --project tests/Dsl.Benchmarks [-- --quick] [-- --no-fsync] [-- --nodes 3]` (README, Performance). Starts its own PostgreSQL
// (durable settings), runs the Release host as a separate process, prints the figures. Not a test.

System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
var root = FindRoot();
var work = Path.Combine(Path.GetTempPath(), "dsl-bench-" + Guid.NewGuid().ToString("N")[..8]);
var Port = FreePort();
const int ImportRows = 25_000;
var scale = args.Contains("--quick") ? 0.2 : 1.0;
int[] clientCounts = [1, 8, 32];
int Ops(int clients) => (int)(clients switch { 1 => 300, 8 => 1200, _ => 3000 } * scale);
// --nodes N: the same submit + endorse at 32 clients against one node, then N nodes (ClusterThroughput.cs).
if (args.SkipWhile(a => a != "--nodes").Skip(1).FirstOrDefault() is { } nodes)
    return await ClusterThroughput.Run(Path.Combine(root, "Dsl.Host", "bin", "Release", "net10.0", "Dsl.Host.dll"), work, int.Parse(nodes), scale, args.Contains("--no-fsync"));

Console.WriteLine("DSL benchmark — starting PostgreSQL and the host (Release)…");
// --no-fsync: same cluster for DSL and plain, without waiting on this machine's disk for each commit.
var noFsync = args.Contains("--no-fsync");
// --statements: pg_stat_statements over the 32-client run (diagnostic; it slows the database a little).
var statements = args.Contains("--statements");
await using var postgres = await EmbeddedPostgres.StartAsync(Path.Combine(work, "pg"), throwaway: noFsync,
    settings: statements ? [StatementProfile.ServerSetting] : []);
if (statements) await StatementProfile.EnableAsync(postgres);
var postmaster = CpuTime.Postmaster(postgres.DataDirectory);
// --baselines-only: the same-work and minimal baselines without the host (to check the denominator itself).
if (args.Contains("--baselines-only"))
{
    await using var baselineDb = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { MaxAutoPrepare = Dsl.Host.Hosting.DslServices.PreparedStatements }.ConnectionString);
    var sameOnly = new SameWork(baselineDb);
    await sameOnly.Prepare();
    await sameOnly.Run(32, 1000);
    foreach (var clients in clientCounts)
    {
        var cpuBefore = CpuTime.Read(Environment.ProcessId, postmaster);
        var (result, consumersAfter) = await sameOnly.Run(clients, Ops(clients));
        Console.WriteLine($"same-work at {clients} clients: {result.PerSecond:F0} ops/s, p50 {result.P(50):F1} ms, p99 {result.P(99):F1} ms, consumers done {consumersAfter:F1} s later; " +
                          $"CPU per operation {CpuTime.Read(Environment.ProcessId, postmaster).Since(cpuBefore).PerOperation(Ops(clients))}");
    }
    await postgres.DisposeAsync();
    foreach (var directory in new[] { postgres.DataDirectory, work })
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    return 0;
}
Console.WriteLine(noFsync ? "PostgreSQL with fsync off (software overhead only)" : "PostgreSQL with durable commits (fsync on)");
var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
var hostDll = Path.Combine(root, "Dsl.Host", "bin", "Release", "net10.0", "Dsl.Host.dll");
if (!File.Exists(hostDll)) throw new InvalidOperationException($"Build the host first: dotnet build -c Release Dsl.Host ({hostDll} missing)");

using var host = StartHost();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
    new TokenIssuer(new SymmetricSecurityKey(Convert.FromBase64String(key)), "dsl", "dsl-api").Issue("admin", name: "benchmark"));
var cohorts = new Dictionary<(string Phase, string Region, int K), Guid>();
var phase = "warm-up";
var sustainedInRegion = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
var notConfirmed = 0; // endorsements that did not confirm (a full cohort): they do less work
var settings = new List<(string Urn, string Region)>();
var nextSetting = -1;
try
{
    var startedAt = Stopwatch.StartNew();
    while (!await Ready())
    {
        if (host.HasExited || startedAt.Elapsed > TimeSpan.FromSeconds(90))
            throw new InvalidOperationException("The host did not become ready on port " + Port);
        await Task.Delay(100);
    }
    Console.WriteLine($"host ready in {startedAt.Elapsed.TotalSeconds:F1} s (pid {host.Id})");

    // GIAS import of 25,000 rows through the API.
    var extract = GiasExtract.Create(ImportRows, 400000);
    var importClock = Stopwatch.StartNew();
    var import = await http.PostAsync("/api/settings/imports", new ByteArrayContent(extract) { Headers = { ContentType = new("text/csv") } });
    import.EnsureSuccessStatusCode();
    var importSeconds = importClock.Elapsed.TotalSeconds;
    var report = (await import.Content.ReadFromJsonAsync<JsonNode>())!;
    Console.WriteLine($"GIAS import: {ImportRows} rows ({extract.Length / 1024 / 1024.0:F1} MiB) in {importSeconds:F2} s — created {report["created"]}, skipped {report["skippedCount"]}");

    // A year, and per region a cohort for the warm-up, one for the measured runs (seven lanes, as the same-work
    // baseline has) and five for the sustained run, so that every benchmark enrolment is confirmed (a cohort takes at
    // most 1,000; waitlisted operations do less work). The settings are taken a region at a time in turn, so each lane
    // gets a seventh of the operations (the extract's nine GIAS regions make two of the seven twice as busy).
    await Send(HttpMethod.Post, "/api/academic-years", new { name = "2030/31", placeCap = 100_000 });
    foreach (var region in new[] { "north-east-and-yorkshire", "north-west", "east-of-england", "midlands", "london", "south-east", "south-west" })
    foreach (var (use, count) in new[] { ("warm-up", 1), ("measured", 1), ("sustained", 5) })
        for (var k = 0; k < count; k++)
            cohorts[(use, region, k)] = (await Send(HttpMethod.Post, "/api/cohorts", new
            {
                academicYearId = "2030-31", region, deliveryMode = "virtual", name = $"Benchmark {region} {use} {k + 1}", startsOn = "2030-10-01", capacity = 1000,
            }))["id"]!.GetValue<Guid>();
    var imported = new List<(string Urn, string Region)>();
    for (string? cursor = null; imported.Count < ImportRows;)
    {
        var page = await Send(HttpMethod.Get, "/api/settings?limit=200" + (cursor is null ? "" : "&cursor=" + cursor));
        imported.AddRange(page["items"]!.AsArray().Select(s => (s!["urn"]!.GetValue<string>(), s["region"]!.GetValue<string>())));
        cursor = page["nextCursor"]?.GetValue<string>();
        if (cursor is null) break;
    }
    var byRegion = imported.GroupBy(s => s.Region).Select(g => new Queue<(string, string)>(g)).ToList();
    while (byRegion.Any(q => q.Count > 0))
        foreach (var queue in byRegion.Where(q => q.Count > 0)) settings.Add(queue.Dequeue());

    // Warm up until the JIT has settled: a long-running host is measured, not a cold one. After the first 1,000
    // operations the tiered compilation thread still recompiles hot methods for seconds (38 % of the host's CPU in
    // the 1-client run that followed, 12 % in the 8-client one, when the warm-up stopped there), so rounds of 500 more
    // follow until a round's JIT uses under 3 % of a core. Then let the modules catch up.
    await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
    // (The warm-up is the same with --quick: the JIT needs the calls, whatever the runs measure.)
    await Measure.Run(32, 1000, _ => SubmitAndEndorse());
    var warmUp = (Operations: 1000, Rounds: 1, JitPerSecond: double.NaN);
    for (var round = 0; round < 8; round++)
    {
        var (jitBefore, warmClock) = (await JitMs(), Stopwatch.StartNew());
        await Measure.Run(32, 500, _ => SubmitAndEndorse());
        await Backlog.DrainAsync(db);
        var jitMsPerSecond = (await JitMs() - jitBefore) / warmClock.Elapsed.TotalSeconds;
        warmUp = (warmUp.Operations + 500, warmUp.Rounds + 1, jitMsPerSecond);
        if (jitMsPerSecond < 30) break;
    }
    await Backlog.DrainAsync(db);
    Console.WriteLine($"warm-up: {warmUp.Operations} operations at 32 clients in {warmUp.Rounds} rounds, the JIT at {warmUp.JitPerSecond / 10:F1} % of a core in the last");

    phase = "measured";
    var dsl = new List<Measure.Result>();
    var dslCaughtUpAfter = new List<double>();
    var requestLatencies = new List<double>();
    var benchStart = DateTimeOffset.UtcNow;
    var commitsBefore = 0L;
    CpuTime? cpu32 = null;
    var dslJit = new List<double>();
    long eventsBefore32 = 0;
    var clock32 = new Stopwatch();
    CpuTime? cpuBefore32 = null;
    Backlog.Samples? backlog32 = null;
    foreach (var clients in clientCounts)
    {
        if (statements && clients == 32) commitsBefore = await StatementProfile.ResetAsync(db);
        if (clients == 32) (eventsBefore32, clock32) = (await RecordedEvents(db), Stopwatch.StartNew());
        using var sampling = new CancellationTokenSource();
        var sampler = clients == 32 ? Backlog.SampleAsync(db, sampling.Token) : Task.FromResult(new Backlog.Samples([]));
        var cpuBefore = CpuTime.Read(host.Id, postmaster) with { JitMs = await JitMs() };
        if (clients == 32) cpuBefore32 = cpuBefore;
        dsl.Add(await Measure.Run(clients, Ops(clients), _ => SubmitAndEndorse(clients == 32 ? requestLatencies : null)));
        var cpuRun = (CpuTime.Read(host.Id, postmaster) with { JitMs = await JitMs() }).Since(cpuBefore);
        dslJit.Add(cpuRun.JitShare);
        if (clients == 32) cpu32 = cpuRun;
        await sampling.CancelAsync();
        if (clients == 32) backlog32 = await sampler;
        // How long after its clients every module had caught up: the end-to-end figure below (and the next run
        // starts on an empty backlog).
        dslCaughtUpAfter.Add((await Backlog.DrainAsync(db)).TotalSeconds);
    }

    // --sustained: 32 clients for up to 60 s more (as many operations as the imported settings allow), sampling the
    // backlog, to see whether the consumers and the integration event log keep up with a sustained load.
    Measure.Result? sustained = null;
    Backlog.Samples? sustainedBacklog = null;
    if (args.Contains("--sustained"))
    {
        var operations = Math.Min((int)(dsl[^1].PerSecond * 60), settings.Count - nextSetting - 1);
        using var sampling = new CancellationTokenSource();
        var sampler = Backlog.SampleAsync(db, sampling.Token);
        phase = "sustained";
        sustained = await Measure.Run(32, operations, _ => SubmitAndEndorse());
        await sampling.CancelAsync();
        sustainedBacklog = await sampler;
    }

    // The same logical writes with plain Npgsql, same database, same concurrency — once the modules have
    // handled every message the DSL run caused, so the baseline does not compete with that backlog.
    var drained = await Backlog.DrainAsync(db);
    // Everything the 32-client run caused, the consumers' catch-up included (not after a sustained run).
    var cpu32Done = sustained is null ? (CpuTime.Read(host.Id, postmaster) with { JitMs = await JitMs() }).Since(cpuBefore32!) : null;
    var recorded32 = await RecordedEvents(db) - eventsBefore32;
    var recordingSeconds = clock32.Elapsed.TotalSeconds;
    if (statements) await StatementProfile.PrintAsync(db, commitsBefore, Ops(32));

    // The stack's floor: one validated document write per request (POST /api/settings: a read and an insert,
    // no events, no messages) — what HTTP, auth, Wolverine and Marten cost before any enrolment work.
    var floorUrn = 600000;
    Task RegisterSetting() => Send(HttpMethod.Post, "/api/settings", new
    {
        urn = Interlocked.Increment(ref floorUrn).ToString(), name = "Floor School", type = "academy", phase = "primary",
        localAuthority = "Camden", region = "london",
    });
    await Measure.Run(32, 1000, _ => RegisterSetting());
    var floorCpu = CpuTime.Read(host.Id, postmaster);
    var floor = await Measure.Run(32, 2 * Ops(32), _ => RegisterSetting());
    floorCpu = CpuTime.Read(host.Id, postmaster).Since(floorCpu);
    // The baselines get the connection settings the host gives itself (prepared statements included).
    await using var plainDb = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { MaxAutoPrepare = Dsl.Host.Hosting.DslServices.PreparedStatements }.ConnectionString);
    // The same work (SameWork.cs: DSL's reads, writes, outbox rows and every consumer's transaction), after the
    // same warm-up, at the same client counts: the ratio's denominator.
    // The baseline shares the machine with the idle host: wait (up to 30 s) until the host uses under 5 % of a core,
    // so nothing the DSL runs left behind (tiered JIT, GC, a background sweep) takes the baseline's CPU.
    var idleWait = Stopwatch.StartNew();
    for (var busy = true; busy && idleWait.Elapsed < TimeSpan.FromSeconds(30);)
    {
        var before = CpuTime.Read(host.Id, postmaster);
        await Task.Delay(1000);
        busy = CpuTime.Read(host.Id, postmaster).Since(before).HostMs > 50;
    }
    var hostIdleAfter = idleWait.Elapsed;
    var same = new SameWork(plainDb);
    await same.Prepare();
    await same.Run(32, 1000);
    var sameResults = new List<Measure.Result>();
    var sameConsumersAfter = new List<double>();
    CpuTime? sameCpu32 = null;
    foreach (var clients in clientCounts)
    {
        var cpuBefore = CpuTime.Read(host.Id, postmaster);
        var (result, consumersAfter) = await same.Run(clients, Ops(clients));
        if (clients == 32) sameCpu32 = CpuTime.Read(host.Id, postmaster).Since(cpuBefore);
        sameResults.Add(result);
        sameConsumersAfter.Add(consumersAfter);
    }
    // The same work with the log's inserts unserialised: what the log's lock costs the baseline itself.
    var unserialised = new SameWork(plainDb, serialisedLog: false);
    await unserialised.Prepare();
    await unserialised.Run(32, 1000);
    var (unserialised32, unserialisedAfter) = await unserialised.Run(32, Ops(32));
    // The minimal insert baseline (the old denominator): two transactions appending events and one outbox row.
    var plain = new PlainNpgsql(plainDb);
    await plain.Prepare();
    await Measure.Run(32, 1000, _ => plain.SubmitAndEndorse(Guid.CreateVersion7()));
    var minimal = await Measure.Run(32, Ops(32), _ => plain.SubmitAndEndorse(Guid.CreateVersion7()));

    // Confirmation → PeerNetwork membership, and → Curriculum's progress record: each document's write time
    // against the confirmation time it carries.
    await Task.Delay(2000);
    var lagArray = await ConsumerLags(db, "peer_network.mt_doc_networkmember", "joinedAt", benchStart);
    var progressArray = await ConsumerLags(db, "curriculum.mt_doc_leadprogress", "openedAt", benchStart);

    // Reads: one enrolment, and a cohort roster, from 32 clients.
    var someEnrolments = (await Send(HttpMethod.Get, "/api/enrolments?year=2030-31&limit=200"))["items"]!.AsArray()
        .Select(e => e!["id"]!.GetValue<Guid>()).ToArray();
    var getOne = await Measure.Run(32, (int)(5000 * scale), i => Get($"/api/enrolments/{someEnrolments[i % someEnrolments.Length]}"));
    var rosterIds = cohorts.Where(c => c.Key.Phase == "measured").Select(c => c.Value).ToArray();
    var roster = await Measure.Run(32, (int)(2000 * scale), i => Get($"/api/cohorts/{rosterIds[i % rosterIds.Length]}/roster?limit=50"));

    var peakRssMiB = PeakRssMiB(host.Id);

    Console.WriteLine();
    Console.WriteLine($"submit + endorse (one operation = both requests; {(notConfirmed == 0 ? "every lead confirmed" : $"{notConfirmed} endorsements NOT confirmed")})");
    Console.WriteLine("clients |    ops | DSL ops/s | p50 ms | p95 ms | p99 ms | same-work ops/s | same-work p50 / p99 ms | its consumers done | DSL/same-work");
    for (var i = 0; i < clientCounts.Length; i++)
    {
        var d = dsl[i];
        var p = sameResults[i];
        Console.WriteLine($"{d.Clients,7} | {d.Operations,6} | {d.PerSecond,9:F0} | {d.P(50),6:F1} | {d.P(95),6:F1} | {d.P(99),6:F1} | {p.PerSecond,15:F0} | {p.P(50),10:F1} / {p.P(99),9:F1} | {sameConsumersAfter[i],14:F1} s later | {d.PerSecond / p.PerSecond,13:F2}");
    }
    // Timed by the clients, the same work leaves most of its consumers' transactions for after them (the log's,
    // one per event under one lock, cannot keep up); DSL's consumers keep up. Until the last consumer transaction
    // has committed, both do all of the work in the time shown.
    Console.WriteLine("end to end (until every consumer transaction has committed): clients | DSL ops/s | same-work ops/s | DSL/same-work");
    for (var i = 0; i < clientCounts.Length; i++)
    {
        var (d, p) = (dsl[i], sameResults[i]);
        var (dslEnd, sameEnd) = (d.Operations / (d.Seconds + dslCaughtUpAfter[i]), p.Operations / (p.Seconds + sameConsumersAfter[i]));
        Console.WriteLine($"{d.Clients,7} | {dslEnd,9:F0} ({dslCaughtUpAfter[i]:F1} s after its clients) | {sameEnd,15:F0} ({sameConsumersAfter[i]:F1} s after) | {dslEnd / sameEnd,13:F2}");
    }
    Console.WriteLine($"the host's JIT, share of its CPU at 1 / 8 / 32 clients: {string.Join(" / ", dslJit.Select(j => $"{j:P1}"))}");
    Console.WriteLine($"CPU per operation at 32 clients: DSL {cpu32!.PerOperation(Ops(32))}");
    Console.WriteLine($"                                 same-work {sameCpu32!.PerOperation(Ops(32))} (the host idle after {hostIdleAfter.TotalSeconds:F0} s)");
    if (cpu32Done is not null)
        Console.WriteLine($"  DSL until every module has caught up ({recordingSeconds:F1} s): {cpu32Done.PerOperation(Ops(32))}");
    Console.WriteLine($"same-work with the log's inserts unserialised (no lock: not gap-safe) at 32 clients: {unserialised32.PerSecond:F0} ops/s, " +
                      $"p99 {unserialised32.P(99):F1} ms; DSL / that {dsl[^1].PerSecond / unserialised32.PerSecond:F2}; end to end " +
                      $"{unserialised32.Operations / (unserialised32.Seconds + unserialisedAfter):F0} ops/s ({unserialisedAfter:F1} s after its clients)");
    Console.WriteLine($"minimal insert baseline (two transactions, 7 statements) at 32 clients: {minimal.PerSecond:F0} ops/s, p99 {minimal.P(99):F1} ms");
    Console.WriteLine($"stack floor, POST /api/settings at 32 clients: {floor.PerSecond:F0} req/s (p99 {floor.P(99):F1} ms) — two of them " +
                      $"{floor.PerSecond / 2:F0}/s = {floor.PerSecond / 2 / sameResults[^1].PerSecond:F2} of same-work; CPU per request {floorCpu.PerOperation(2 * Ops(32))}");
    Console.WriteLine($"integration event log: {recorded32} events of the 32-client run{(sustained is null ? "" : " and the sustained run")} recorded in {recordingSeconds:F1} s " +
                      $"({recorded32 / recordingSeconds:F0}/s; the runs themselves took {dsl[^1].Seconds + (sustained?.Seconds ?? 0):F1} s)");
    var perRequest = requestLatencies.ToArray();
    Console.WriteLine($"single requests at 32 clients: p50 {Measure.Percentile(perRequest, 50):F1} ms, p95 {Measure.Percentile(perRequest, 95):F1} ms, p99 {Measure.Percentile(perRequest, 99):F1} ms");
    Console.WriteLine($"confirmation → PeerNetwork membership ({lagArray.Length} members): p50 {Measure.Percentile(lagArray, 50):F0} ms, p99 {Measure.Percentile(lagArray, 99):F0} ms");
    Console.WriteLine($"confirmation → Curriculum progress record ({progressArray.Length}): p50 {Measure.Percentile(progressArray, 50):F0} ms, p99 {Measure.Percentile(progressArray, 99):F0} ms");
    Console.WriteLine($"module message backlog during the 32-client run (incoming envelopes, sampled each second): {backlog32!.Describe()}");
    if (sustained is not null)
        Console.WriteLine($"sustained 32 clients: {sustained.Operations} operations in {sustained.Seconds:F0} s, {sustained.PerSecond:F0} ops/s, " +
                          $"p99 {sustained.P(99):F1} ms; backlog {sustainedBacklog!.Describe()}");
    Console.WriteLine($"module message backlog drained {drained.TotalSeconds:F1} s after the last endorsement; envelope tables after the run: {await Backlog.EnvelopeRowsAsync(db)}");
    Console.WriteLine($"GET /api/enrolments/{{id}}: {getOne.PerSecond:F0} req/s, p99 {getOne.P(99):F1} ms");
    Console.WriteLine($"GET /api/cohorts/{{id}}/roster: {roster.PerSecond:F0} req/s, p99 {roster.P(99):F1} ms");
    Console.WriteLine($"GIAS import of {ImportRows} rows: {importSeconds:F2} s");
    Console.WriteLine($"host peak RSS: {peakRssMiB:F0} MiB");

}
finally
{
    host.Kill(entireProcessTree: true);
    await host.WaitForExitAsync();
    await postgres.DisposeAsync();
    // The cluster is under work unless the postgres user could not reach it there (then it was placed elsewhere).
    foreach (var directory in new[] { postgres.DataDirectory, work })
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}
return 0;

static async Task<double[]> ConsumerLags(NpgsqlDataSource db, string table, string confirmedAtField, DateTimeOffset since)
{
    await using var query = db.CreateCommand($"""
        select extract(epoch from (mt_last_modified - (data->>'{confirmedAtField}')::timestamptz)) * 1000
        from {table} where (data->>'{confirmedAtField}')::timestamptz >= $1
        """);
    query.Parameters.AddWithValue(since);
    var lags = new List<double>();
    await using var reader = await query.ExecuteReaderAsync();
    while (await reader.ReadAsync()) lags.Add(Convert.ToDouble(reader.GetValue(0)));
    return lags.ToArray();
}

static async Task<long> RecordedEvents(NpgsqlDataSource db)
{
    await using var count = db.CreateCommand("select count(*) from host.integration_events");
    return (long)(await count.ExecuteScalarAsync())!;
}

async Task SubmitAndEndorse(List<double>? requests = null)
{
    var next = Interlocked.Increment(ref nextSetting);
    var (urn, region) = settings[next];
    // The sustained run goes on after the smaller regions' settings are used up: the two larger regions' cohorts in turn.
    var cohortId = cohorts[(phase, region, phase == "sustained" ? sustainedInRegion.AddOrUpdate(region, 0, (_, n) => n + 1) % 5 : 0)];
    var clock = Stopwatch.StartNew();
    var submitted = await Send(HttpMethod.Post, "/api/enrolments", new
    {
        settingUrn = urn, cohortId, track = "full",
        lead = new { name = "Bench Lead", email = $"lead{urn}@example.org", jobTitle = "Deputy head", onSeniorLeadershipTeam = true },
    });
    var submitMs = clock.Elapsed.TotalMilliseconds;
    var endorsed = await Send(HttpMethod.Post, $"/api/enrolments/{submitted["id"]}/endorsement", new
    {
        endorserName = "Bench Head", endorserRole = "Head teacher", confirmsIndividual = true, confirmsWholeSchoolApproachPlans = true,
    });
    if (!string.Equals(endorsed["status"]?.GetValue<string>(), "confirmed", StringComparison.OrdinalIgnoreCase))
        Interlocked.Increment(ref notConfirmed);
    if (requests is not null)
        lock (requests) requests.AddRange([submitMs, clock.Elapsed.TotalMilliseconds - submitMs]);
}

Task<JsonNode> Send(HttpMethod method, string url, object? body = null) => Api.SendAsync(http, method, url, body);

async Task Get(string url)
{
    using var response = await http.GetAsync(url);
    response.EnsureSuccessStatusCode();
    await response.Content.ReadAsByteArrayAsync();
}

// The host's JIT time so far (the runtime's own counter, on its /metrics), in ms.
async Task<double> JitMs()
{
    var metrics = await http.GetStringAsync("/metrics");
    var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("dotnet_jit_compilation_time_seconds_total"));
    return line is null ? 0 : double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) * 1000;
}

async Task<bool> Ready()
{
    try { return (await http.GetAsync("/health/ready")).IsSuccessStatusCode; }
    catch (HttpRequestException) { return false; }
}

Process StartHost()
{
    var start = new ProcessStartInfo("dotnet", hostDll)
    {
        WorkingDirectory = Path.GetDirectoryName(hostDll)!,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        Environment =
        {
            ["ConnectionStrings__Dsl"] = postgres.ConnectionString,
            ["Dsl__Auth__SigningKey"] = key,
            ["Dsl__Awards__SigningKey"] = AwardsKey.Pem,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["Logging__LogLevel__Default"] = "Warning",
        },
    };
    // --runtime-codegen: the host compiles its handlers at runtime instead of loading the pre-generated ones (ADR 0034);
    // --server-gc: Server GC instead of the host's workstation GC. Each shows what that lever gave.
    if (args.Contains("--runtime-codegen")) start.Environment["Dsl__RuntimeCodeGeneration"] = "true";
    if (args.Contains("--server-gc")) start.Environment["DOTNET_gcServer"] = "1";
    if (args.Contains("--tiered-pgo")) start.Environment["DOTNET_TieredPGO"] = "1";
    // --min-threads=N: start the host's thread pool with N workers (experiment on starvation under bursts).
    if (args.FirstOrDefault(a => a.StartsWith("--min-threads=")) is { } minThreads)
        start.Environment["DOTNET_ThreadPool_ForceMinWorkerThreads"] = int.Parse(minThreads.Split('=')[1]).ToString("x");
    var process = Process.Start(start)!;
    process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("\"LogLevel\":\"Error\"") == true) Console.Error.WriteLine("host: " + e.Data[..Math.Min(e.Data.Length, 1500)]); };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("host: " + e.Data); };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

static double PeakRssMiB(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
    return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dsl.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
}
