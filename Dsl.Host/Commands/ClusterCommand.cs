using System.Diagnostics;
using Dsl.BuildingBlocks.Postgres;
using Dsl.Host.Security;

namespace Dsl.Host.Commands;

/// <summary>
/// `dotnet run --project Dsl.Host -- cluster --nodes 3 [--port 5080]`: a local cluster as production runs one. The
/// embedded PostgreSQL starts once; N host processes (Wolverine balanced mode, <c>Dsl:SingleNode=false</c>) share
/// it on consecutive ports. Ctrl+C stops every node (SIGTERM, each shuts down gracefully) and then the database.
/// </summary>
public static class ClusterCommand
{
    public static async Task<int> Run(string[] args, IConfiguration configuration)
    {
        var nodes = Option(args, "--nodes", 3);
        var firstPort = Option(args, "--port", 5080);
        if (nodes is < 1 or > 16)
        {
            Console.Error.WriteLine("--nodes takes 1 to 16");
            return 2;
        }

        var dataDirectory = SigningKeys.DataDirectory(configuration);
        // The nodes must agree on the development signing key: create it once, before any of them starts.
        SigningKeys.Resolve(configuration, allowDevelopmentKey: true);
        var connectionString = configuration.GetConnectionString("Dsl");
        await using var postgres = string.IsNullOrWhiteSpace(connectionString)
            ? await EmbeddedPostgres.StartAsync(Path.Combine(dataDirectory, "postgres"))
            : null;
        connectionString = postgres?.ConnectionString ?? connectionString!;
        if (postgres is not null) Console.WriteLine(postgres.Describe());

        var processes = new List<Process>();
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // this process stops the nodes itself, then the database
            stopping.Cancel();
        };
        try
        {
            for (var node = 1; node <= nodes; node++)
                processes.Add(StartNode(node, $"http://localhost:{firstPort + node - 1}", connectionString, dataDirectory, configuration));

            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            for (var node = 1; node <= nodes; node++)
                await WaitUntilReady(client, $"http://localhost:{firstPort + node - 1}", processes[node - 1], stopping.Token);

            Console.WriteLine($"""

                DSL cluster: {nodes} node(s) on one PostgreSQL{(postgres is null ? "" : $" (127.0.0.1:{postgres.Port})")}
                  node  API                                   health
                """);
            for (var node = 1; node <= nodes; node++)
            {
                var url = $"http://localhost:{firstPort + node - 1}";
                Console.WriteLine($"  {node,-4}  {url + "/api",-36}  {url}/health/ready");
            }
            Console.WriteLine("""
                  Token: dotnet run --project Dsl.Host -- dev-token --role admin (valid on every node)
                Press Ctrl+C to stop every node and the database.

                """);
            await Task.WhenAny(Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }),
                Task.WhenAll(processes.Select(p => p.WaitForExitAsync())));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        finally
        {
            await StopAll(processes);
        }
        return 0;
    }

    private static Process StartNode(int node, string url, string connectionString, string dataDirectory, IConfiguration configuration)
    {
        // This same program: the apphost, or `dotnet Dsl.Host.dll`.
        var self = Environment.ProcessPath!;
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self, [typeof(ClusterCommand).Assembly.Location, "--urls", url])
            : new ProcessStartInfo(self, ["--urls", url]);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["ConnectionStrings__Dsl"] = connectionString;
        start.Environment["Dsl__SingleNode"] = "false";
        start.Environment["Dsl__DataDirectory"] = dataDirectory;
        // A developer's cluster, like the embedded default: development key, demo data seeded by the first node only.
        start.Environment["Dsl__Embedded"] = "true";
        start.Environment["Dsl__DemoData"] = node == 1 ? configuration["Dsl:DemoData"] ?? "true" : "false";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = configuration["ASPNETCORE_ENVIRONMENT"] ?? Environments.Development;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.WriteLine($"[node {node}] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[node {node}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReady(HttpClient client, string url, Process process, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync($"{url}/health/ready", ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(250, ct); // polling readiness
        }
        throw new InvalidOperationException($"The node at {url} did not become ready");
    }

    /// <summary>SIGTERM to each node (a graceful shutdown: agents released, queues drained), SIGKILL if it overstays.</summary>
    private static async Task StopAll(List<Process> processes)
    {
        foreach (var process in processes.Where(p => !p.HasExited))
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString()]) { UseShellExecute = false });
            if (kill is not null) await kill.WaitForExitAsync();
        }
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        foreach (var process in processes)
        {
            try { await process.WaitForExitAsync(patience.Token); }
            catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
            process.Dispose();
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
