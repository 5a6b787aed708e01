using System.Diagnostics;
using System.Net.Http.Headers;
using Dsl.BuildingBlocks.Postgres;
using Dsl.Host.Security;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Dsl.Benchmarks;

/// <summary>
/// `--nodes N`: submit + endorse at 32 clients against one node (solo mode, as the main benchmark runs it), then
/// against N nodes in balanced mode (<c>Dsl:SingleNode=false</c>) on consecutive ports, every request to the next
/// node in turn as a round-robin load balancer would send it. Each run has a database of its own in the same
/// PostgreSQL (same data, same warm-up, same drained backlog before measuring), so neither inherits the other's
/// rows or node records.
/// </summary>
public static class ClusterThroughput
{
    private const int Clients = 32;

    private static readonly string[] Regions =
        ["north-east-and-yorkshire", "north-west", "east-of-england", "midlands", "london", "south-east", "south-west"];

    public static async Task<int> Run(string hostDll, string work, int nodes, double scale, bool noFsync)
    {
        if (nodes < 2) throw new ArgumentException("--nodes takes 2 or more (the single node is always measured first)");
        if (!File.Exists(hostDll)) throw new InvalidOperationException($"Build the host first: dotnet build -c Release Dsl.Host ({hostDll} missing)");
        var warmUp = (int)(1000 * scale);
        var operations = (int)(3000 * scale);
        Console.WriteLine($"DSL cluster benchmark — 1 node, then {nodes} nodes; {Clients} clients, {operations} operations each after {warmUp} to warm up");
        await using var postgres = await EmbeddedPostgres.StartAsync(Path.Combine(work, "pg"), throwaway: noFsync);
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var token = new TokenIssuer(new SymmetricSecurityKey(Convert.FromBase64String(key)), "dsl", "dsl-api")
            .Issue("admin", name: "benchmark", lifetime: TimeSpan.FromHours(4));
        try
        {
            var single = await RunOn(1, "dsl_nodes_1");
            var cluster = await RunOn(nodes, $"dsl_nodes_{nodes}");
            Console.WriteLine();
            Console.WriteLine($"submit + endorse at {Clients} clients (one operation = both requests), {(noFsync ? "fsync off" : "durable commits")}");
            Console.WriteLine("nodes |    ops | ops/s | p50 ms | p99 ms");
            foreach (var (count, result) in new[] { (1, single), (nodes, cluster) })
                Console.WriteLine($"{count,5} | {result.Operations,6} | {result.PerSecond,5:F0} | {result.P(50),6:F1} | {result.P(99),6:F1}");
            Console.WriteLine($"{nodes} nodes / 1 node: {cluster.PerSecond / single.PerSecond:F2} × the throughput");
            return 0;
        }
        finally
        {
            await postgres.DisposeAsync();
            foreach (var directory in new[] { postgres.DataDirectory, work })
                try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        async Task<Measure.Result> RunOn(int count, string database)
        {
            await using (var admin = NpgsqlDataSource.Create(postgres.ConnectionString))
            await using (var create = admin.CreateCommand($"create database {database}"))
                await create.ExecuteNonQueryAsync();
            // The server allows 200 connections: each node's pool gets its share, one node the same as each of N.
            var connectionString = new NpgsqlConnectionStringBuilder(postgres.ConnectionString)
            { Database = database, MaxPoolSize = 180 / nodes }.ConnectionString;
            var firstPort = FreePorts(count);
            var processes = new List<Process>();
            var clients = new List<HttpClient>();
            try
            {
                // The first node creates the schema; the others join it.
                for (var node = 0; node < count; node++)
                {
                    var url = $"http://127.0.0.1:{firstPort + node}";
                    processes.Add(StartNode(url, connectionString, count > 1, node + 1));
                    clients.Add(new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
                    {
                        BaseAddress = new Uri(url), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
                    });
                    if (node == 0) await WaitUntilReady(clients[0], processes[0]);
                }
                for (var node = 1; node < count; node++) await WaitUntilReady(clients[node], processes[node]);
                var next = -1;
                HttpClient Next() => clients[(int)((uint)Interlocked.Increment(ref next) % count)];

                // The same programme data on every run: settings by a GIAS import, a year, a cohort per region.
                var import = await clients[0].PostAsync("/api/settings/imports",
                    new ByteArrayContent(GiasExtract.Create(2 * (warmUp + operations) + 200, 400000)) { Headers = { ContentType = new("text/csv") } });
                import.EnsureSuccessStatusCode();
                await Api.SendAsync(clients[0], HttpMethod.Post, "/api/academic-years", new { name = "2030/31", placeCap = 100_000 });
                var cohorts = new Dictionary<string, Guid>();
                foreach (var region in Regions)
                    cohorts[region] = (await Api.SendAsync(clients[0], HttpMethod.Post, "/api/cohorts", new
                    {
                        academicYearId = "2030-31", region, deliveryMode = "virtual", name = $"Benchmark {region}", startsOn = "2030-10-01", capacity = 1000,
                    }))["id"]!.GetValue<Guid>();
                var settings = new List<(string Urn, string Region)>();
                for (string? cursor = null; ;)
                {
                    var page = await Api.SendAsync(clients[0], HttpMethod.Get, "/api/settings?limit=200" + (cursor is null ? "" : "&cursor=" + cursor));
                    settings.AddRange(page["items"]!.AsArray().Select(s => (s!["urn"]!.GetValue<string>(), s["region"]!.GetValue<string>())));
                    if ((cursor = page["nextCursor"]?.GetValue<string>()) is null) break;
                }
                if (settings.Count < warmUp + operations) throw new InvalidOperationException($"only {settings.Count} settings imported");
                var nextSetting = -1;
                async Task SubmitAndEndorse()
                {
                    var (urn, region) = settings[Interlocked.Increment(ref nextSetting)];
                    var submitted = await Api.SendAsync(Next(), HttpMethod.Post, "/api/enrolments", new
                    {
                        settingUrn = urn, cohortId = cohorts[region], track = "full",
                        lead = new { name = "Bench Lead", email = $"lead{urn}@example.org", jobTitle = "Deputy head", onSeniorLeadershipTeam = true },
                    });
                    await Api.SendAsync(Next(), HttpMethod.Post, $"/api/enrolments/{submitted["id"]}/endorsement", new
                    {
                        endorserName = "Bench Head", endorserRole = "Head teacher", confirmsIndividual = true, confirmsWholeSchoolApproachPlans = true,
                    });
                }

                // Warm up (JIT tiering on every node), let the modules catch up, then measure.
                await using var db = NpgsqlDataSource.Create(connectionString);
                await Measure.Run(Clients, warmUp, _ => SubmitAndEndorse());
                await Backlog.DrainAsync(db);
                var result = await Measure.Run(Clients, operations, _ => SubmitAndEndorse());
                var drained = await Backlog.DrainAsync(db);
                Console.WriteLine($"{count} node(s): {result.PerSecond:F0} ops/s, p50 {result.P(50):F1} ms, p99 {result.P(99):F1} ms; " +
                                  $"module backlog drained {drained.TotalSeconds:F1} s after the last endorsement");
                return result;
            }
            finally
            {
                foreach (var client in clients) client.Dispose();
                foreach (var process in processes)
                {
                    if (!process.HasExited) process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    process.Dispose();
                }
            }
        }

        Process StartNode(string url, string connectionString, bool balanced, int node)
        {
            var start = new ProcessStartInfo("dotnet", hostDll)
            {
                WorkingDirectory = Path.GetDirectoryName(hostDll)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ConnectionStrings__Dsl"] = connectionString,
                    ["Dsl__Auth__SigningKey"] = key,
                    ["Dsl__Awards__SigningKey"] = AwardsKey.Pem,
                    ["Dsl__SingleNode"] = balanced ? "false" : "true",
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["ASPNETCORE_URLS"] = url,
                    ["Logging__LogLevel__Default"] = "Warning",
                },
            };
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("\"LogLevel\":\"Error\"") == true) Console.Error.WriteLine($"node {node}: " + e.Data[..Math.Min(e.Data.Length, 1500)]); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"node {node}: " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }
    }

    private static async Task WaitUntilReady(HttpClient client, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(120))
                throw new InvalidOperationException($"The node at {client.BaseAddress} did not become ready");
            await Task.Delay(200); // polling readiness
        }
        Console.WriteLine($"node {client.BaseAddress} ready in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The first of <paramref name="count"/> consecutive free ports on the loopback.</summary>
    private static int FreePorts(int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            var first = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            if (first + count <= 65535 && Enumerable.Range(first, count).All(Free)) return first;
            if (attempt > 50) throw new InvalidOperationException($"no {count} consecutive free ports");
        }

        static bool Free(int port)
        {
            try
            {
                using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                listener.Start();
                return true;
            }
            catch (System.Net.Sockets.SocketException) { return false; }
        }
    }
}
