using System.Net.Http.Headers;
using Alba;
using Dsl.BuildingBlocks.Persistence;
using Dsl.BuildingBlocks.Postgres;
using Dsl.Host.Security;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;
using Wolverine;
using Wolverine.Tracking;

[assembly: AssemblyFixture(typeof(Dsl.Tests.Infrastructure.DslApp))]

namespace Dsl.Tests.Infrastructure;

/// <summary>
/// The whole DSL host on a real PostgreSQL, started once per test run: a throwaway cluster from
/// the same launcher the embedded default uses, or DSL_TEST_POSTGRES when set.
/// </summary>
public sealed class DslApp : IAsyncLifetime
{
    private EmbeddedPostgres? _postgres;
    private string? _dataDirectory;
    private string? _keyDirectory;

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The modules the host registered (each <c>Add&lt;Module&gt;Module()</c> adds one), with their stores and schemas.</summary>
    public IReadOnlyList<DslModule> Modules => Host.Services.GetServices<DslModule>().ToList();

    /// <summary>The host's clock: real time to start with, moving 1 ms per reading so events stay strictly ordered; tests may jump it ahead.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
    public TokenIssuer Tokens { get; private set; } = null!;
    /// <summary>Every span the host finished since the last reset (an in-memory OpenTelemetry exporter).</summary>
    public List<System.Diagnostics.Activity> Spans { get; } = [];
    /// <summary>Every log entry the host wrote since the last reset, as the console formatter renders it.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> LogLines { get; } = new();
    public string ConnectionString { get; private set; } = "";

    /// <summary>
    /// Webhooks for tests: loopback receivers allowed, a quick worker, and retries a few seconds apart on the
    /// host's clock (which tests move on) without jitter, so attempt times are exact.
    /// </summary>
    public static readonly Dictionary<string, string> WebhookSettings = new()
    {
        ["Dsl__Webhooks__AllowLoopbackTargets"] = "true",
        ["Dsl__Webhooks__PollInterval"] = "00:00:00.100",
        ["Dsl__Webhooks__Jitter"] = "0",
        ["Dsl__Webhooks__CircuitBreakDuration"] = "00:00:01",
        ["Dsl__Webhooks__RetrySchedule__0"] = "00:00:01",
        ["Dsl__Webhooks__RetrySchedule__1"] = "00:00:02",
        ["Dsl__Webhooks__RetrySchedule__2"] = "00:00:05",
        ["Dsl__Webhooks__RetrySchedule__3"] = "00:00:10",
        ["Dsl__Webhooks__RetrySchedule__4"] = "00:00:30",
        ["Dsl__Webhooks__RetrySchedule__5"] = "00:01:00",
        ["Dsl__Webhooks__RetrySchedule__6"] = "00:02:00",
    };

    public async ValueTask InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable("DSL_TEST_POSTGRES") ?? "";
        if (ConnectionString.Length == 0)
        {
            _dataDirectory = Path.Combine(Path.GetTempPath(), "dsl-test-" + Guid.NewGuid().ToString("N")[..8]);
            _postgres = await EmbeddedPostgres.StartAsync(_dataDirectory, throwaway: true);
            ConnectionString = _postgres.ConnectionString;
        }

        var signingKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Environment.SetEnvironmentVariable("ConnectionStrings__Dsl", ConnectionString);
        Environment.SetEnvironmentVariable("Dsl__Auth__SigningKey", signingKey);
        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Testing");
        Environment.SetEnvironmentVariable("Dsl__Tracing", "true");
        Environment.SetEnvironmentVariable("Dsl__Metrics__RefreshInterval", "00:00:00.500");
        // The credential signing keys of this run only (a rotation test adds one).
        _keyDirectory = Path.Combine(Path.GetTempPath(), "dsl-test-keys-" + Guid.NewGuid().ToString("N")[..8]);
        Environment.SetEnvironmentVariable("Dsl__Awards__KeyDirectory", _keyDirectory);
        foreach (var (name, value) in WebhookSettings) Environment.SetEnvironmentVariable(name, value);
        JasperFxEnvironment.AutoStartHost = true;

        Host = await AlbaHost.For<Program>(web => web.ConfigureServices(services =>
        {
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, FaultInjection>();
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureWolverine(opts => opts.Discovery.IncludeType(typeof(Ops.FaultProbeHandler)).IncludeType(typeof(Ops.RaceProbeHandler)));
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(new CapturedLogs(LogLines));
        }));
        Tokens = TokenIssuer.From(Host.Services.GetRequiredService<IConfiguration>(), allowDevelopmentKey: false);
    }

    /// <summary>Empties every module store (reference data is re-seeded) and Wolverine's envelope storage.</summary>
    public async Task ResetAsync()
    {
        // A batch the last test left running would otherwise write into the next test's empty stores.
        for (var waited = 0; PendingInBatches > 0 && waited < 500; waited++) await Task.Delay(10);
        foreach (var module in Modules)
            await ((IDocumentStore)Host.Services.GetRequiredService(module.Store)).Advanced.ResetAllData();
        await Host.Services.GetRequiredService<IDocumentStore>().Advanced.ResetAllData();
        await Host.GetRuntime().Storage.Admin.ClearAllAsync();
        lock (Spans) Spans.Clear();
        LogLines.Clear();
        await using var truncate = Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>()
            .CreateCommand("truncate host.integration_events, host.webhook_deliveries, host.access_log restart identity");
        await truncate.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Waits until every message sent so far has been handled. A tracked session ends once each message has been
    /// handed to its batch (module consumers and the integration event log take them in batches, ADR 0036), before
    /// the batch commits, and a batch fanned out to several modules is sent on to each module's queue: so this waits
    /// for no batch to be pending and no durable message to be waiting in the inbox.
    /// </summary>
    public async Task Settled()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await using var waiting = Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>()
            .CreateCommand("select count(*) from wolverine.wolverine_incoming_envelopes where status = 'Incoming'");
        while (PendingInBatches > 0 || Convert.ToInt64(await waiting.ExecuteScalarAsync()) > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"messages still waiting after 30 s ({PendingInBatches} in batches)");
            await Task.Delay(10);
        }
    }

    private long PendingInBatches => ((Wolverine.Runtime.WolverineRuntime)Host.GetRuntime()).BatchingPendingCounts.TotalPendingBatchMembers;

    /// <summary>
    /// Cohorts whose occupancy counters disagree with a recount of their enrolments, compared in one statement
    /// (one snapshot), so work still in flight cannot make them differ.
    /// </summary>
    public async Task<string[]> OccupancyDrift()
    {
        await using var compare = Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand($$"""
            with recount as (
                select cohort_id, (data->>'queuePriority')::int as queue_priority,
                       count(*) filter (where holds_place) as held, count(*) filter (where data->>'status' = '{{nameof(Dsl.Enrolment.Enrolments.EnrolmentStatus.Waitlisted)}}') as waitlisted
                from enrolment.mt_doc_enrolment group by 1, 2),
            counters as (select cohort_id, queue_priority, held, waitlisted from enrolment.cohort_occupancy)
            select format('cohort %s priority %s: counted %s held / %s waitlisted, recounted %s / %s',
                          coalesce(c.cohort_id, r.cohort_id), coalesce(c.queue_priority, r.queue_priority),
                          coalesce(c.held, 0), coalesce(c.waitlisted, 0), coalesce(r.held, 0), coalesce(r.waitlisted, 0))
            from counters c full join recount r using (cohort_id, queue_priority)
            where coalesce(c.held, 0) <> coalesce(r.held, 0) or coalesce(c.waitlisted, 0) <> coalesce(r.waitlisted, 0)
            """);
        var drift = new List<string>();
        await using var reader = await compare.ExecuteReaderAsync();
        while (await reader.ReadAsync()) drift.Add(reader.GetString(0));
        return drift.ToArray();
    }

    public HttpClient Client(string? role, string? setting = null)
    {
        var client = Host.Server.CreateClient();
        if (role is not null)
            client.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Bearer", Tokens.Issue(role, setting));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        // The cluster is under the temp folder unless the postgres user could not reach it there (then it was placed elsewhere).
        foreach (var directory in new[] { _postgres?.DataDirectory, _dataDirectory, _keyDirectory })
        {
            if (directory is null) continue;
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}

/// <summary>Adds /test/fault at the end of the pipeline, so a test can see how an unhandled error is answered.</summary>
internal sealed class FaultInjection : IStartupFilter
{
    public const string Path = "/test/fault";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Use((HttpContext context, Func<Task> rest) => context.Request.Path == Path
            ? throw new InvalidOperationException("secret connection string Password=hunter2 leaked")
            : rest());
    };
}

/// <summary>Renders every log entry with the host's own console formatter and keeps the line, for tests to read.</summary>
internal sealed class CapturedLogs(System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILoggerProvider
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);
    public void Dispose() { }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(Dsl.Host.Hosting.Logging.RedactingJsonFormatter.Format(logLevel, category, eventId, formatter(state, exception),
                exception, state as IEnumerable<KeyValuePair<string, object?>>, null));
    }
}
