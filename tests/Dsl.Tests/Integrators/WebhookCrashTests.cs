using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Dsl.Tests.Integrators;

/// <summary>
/// At-least-once across a crash: the host runs as its own process, is killed with SIGKILL in the middle of a
/// burst of enrolments, and started again on the same database. Every event any module committed reaches the
/// receiver. Uses the webhook settings the test run exports (quick retries in real time here).
/// </summary>
public sealed class WebhookCrashTests(DslApp app) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private OwnDatabase _database = null!;
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await OwnDatabase.CreateAsync(app, "crash");
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task every_committed_event_is_delivered_after_the_host_is_killed_mid_burst()
    {
        var host = await HostProcess.StartAsync(_database.ConnectionString);
        var admin = host.Client(app.Tokens.Issue("admin"));
        var integrator = host.Client(app.Tokens.Issue("integrator"));
        (await integrator.PostAsJsonAsync("/api/webhooks/subscriptions", new { url = _receiver.Url, eventTypes = new[] { "*" } }, Ct))
            .EnsureSuccessStatusCode();
        var cohort = await HostApi.Cohort(admin, "Crash cohort", capacity: 20);

        var completed = 0;
        var submitTraces = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var burst = Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                try
                {
                    var (id, trace) = await HostApi.TracedEndorsedEnrolment(admin, $"{400000 + worker * 100 + i}", cohort);
                    submitTraces[id.ToString()] = trace!;
                    Interlocked.Increment(ref completed);
                }
                catch (HttpRequestException) { return; } // the host is gone
            }
        }, Ct)).ToList();
        while (Volatile.Read(ref completed) < 30) await Task.Delay(20, Ct);
        host.Kill();
        await Task.WhenAll(burst);

        await using var restarted = await HostProcess.StartAsync(_database.ConnectionString);
        admin = restarted.Client(app.Tokens.Issue("admin"));
        var enrolments = (await admin.GetFromJsonAsync<JsonNode>("/api/enrolments?limit=200", Ct))!["items"]!.AsArray();
        enrolments.Count.ShouldBeGreaterThanOrEqualTo(30);

        var expected = enrolments.SelectMany(e => Expected(e!)).ToHashSet();
        await Polling.Until(() => Task.FromResult(expected.IsSubsetOf(Delivered())), TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(200));
        var undelivered = expected.Except(Delivered()).ToList();
        undelivered.ShouldBeEmpty("every event the modules committed before and after the crash is delivered" +
                                  (undelivered.Count == 0 ? "" : await LostEvents.DescribeAsync(_database.ConnectionString, undelivered.Select(u => u.Item1), restarted)));
        _receiver.Received.GroupBy(r => r.Id).ShouldAllBe(g => g.Select(r => r.Body).Distinct().Count() == 1,
            "a redelivered event carries the same id and body");

        // Trace context survives the crash too: each submission's webhook continues the submit request's trace,
        // whichever host recorded and delivered it (kept on the envelope and with the delivery row).
        foreach (var webhook in _receiver.Received.Where(r => r.Body.Contains("dsl.enrolment.submitted.v1")))
        {
            var subject = JsonNode.Parse(webhook.Body)!["subject"]!.GetValue<string>();
            if (submitTraces.TryGetValue(subject, out var trace))
                webhook.TraceParent.ShouldNotBeNull().Split('-')[1].ShouldBe(trace, $"the submission of {subject} lost its trace");
        }
    }

    private static IEnumerable<(string Subject, string Type)> Expected(JsonNode enrolment)
    {
        var id = enrolment["id"]!.GetValue<string>();
        yield return (id, "dsl.enrolment.submitted.v1");
        switch (enrolment["status"]!.GetValue<string>())
        {
            case "confirmed":
                yield return (id, "dsl.enrolment.endorsed.v1");
                yield return (id, "dsl.enrolment.confirmed.v1");
                break;
            case "waitlisted":
                yield return (id, "dsl.enrolment.endorsed.v1");
                yield return (id, "dsl.enrolment.waitlisted.v1");
                break;
        }
    }

    private HashSet<(string, string)> Delivered() => _receiver.Received
        .Select(r => JsonNode.Parse(r.Body)!)
        .Select(e => (e["subject"]!.GetValue<string>(), e["type"]!.GetValue<string>())).ToHashSet();

}

/// <summary>The built host (Dsl.Host.dll beside the tests) as a child process on a free port.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _url;

    private HostProcess(Process process, string url) => (_process, _url) = (process, url);

    public static async Task<HostProcess> StartAsync(string connectionString, Dictionary<string, string>? settings = null)
    {
        var url = $"http://127.0.0.1:{HostApi.FreePort()}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Dsl.Host.dll"), "--urls", url])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
            Environment = { ["ConnectionStrings__Dsl"] = connectionString },
        };
        foreach (var (name, value) in settings ?? []) start.Environment[name] = value;
        var process = Process.Start(start)!;
        var host = new HostProcess(process, url);
        process.OutputDataReceived += (_, line) => host.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => host.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100); // polling readiness
        }
        host.Kill();
        throw new InvalidOperationException($"The host at {url} did not become ready");
    }

    /// <summary>The last lines the host wrote (stdout and stderr), for a failing test to show.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    public string Url => _url;

    private void Keep(string? line)
    {
        if (line is null) return;
        Output.Enqueue(line);
        while (Output.Count > 200) Output.TryDequeue(out _);
    }

    public HttpClient Client(string token) => new()
    {
        BaseAddress = new Uri(_url), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was in memory is lost.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as an orchestrator stops a node: how long it took to exit, and its exit code.</summary>
    public async Task<(TimeSpan Took, int ExitCode)> TerminateAsync(TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString()])))
            await kill!.WaitForExitAsync();
        using var wait = new CancellationTokenSource(patience);
        try { await _process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { Kill(); return (clock.Elapsed, -1); }
        return (clock.Elapsed, _process.ExitCode);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
