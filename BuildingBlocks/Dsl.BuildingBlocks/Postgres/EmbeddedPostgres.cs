using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Dsl.BuildingBlocks.Postgres;

/// <summary>
/// A private PostgreSQL cluster for development and tests: initialised once under a data
/// directory, started on a free loopback port, stopped on dispose. Runs the server as the
/// `postgres` user when the caller is root, because initdb refuses root.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string DatabaseName = "dsl";
    private const string Superuser = "dsl";

    private readonly string _bin;
    private readonly string _dataDirectory;
    private readonly string? _runAs;
    private bool _stopped;
    /// <summary>False when an already-running cluster was reused: another process owns it, so we leave it running.</summary>
    private bool _ownsServer;

    private EmbeddedPostgres(string bin, string dataDirectory, string? runAs, int port)
    {
        _bin = bin;
        _dataDirectory = dataDirectory;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Database={DatabaseName};Username={Superuser};Pooling=true;Maximum Pool Size=100";

    /// <param name="dataDirectory">Where the cluster lives; created and initialised on first use.</param>
    /// <param name="throwaway">For tests: trade crash safety for speed (no fsync).</param>
    /// <param name="settings">Further server settings (<c>name=value</c>) for a cluster this call starts.</param>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, bool throwaway = false,
        CancellationToken ct = default, params string[] settings)
    {
        var bin = FindBinaries();
        var runAs = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" || IsRoot()
            ? "postgres" : null;
        if (runAs is not null && !UserExists(runAs))
            throw new EmbeddedPostgresException(
                "DSL's embedded PostgreSQL must run as a non-root user, and there is no 'postgres' user. " +
                "Install PostgreSQL with your package manager (apt-get install postgresql), which creates it, " +
                "or set ConnectionStrings__Dsl to an existing database.");

        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        if (runAs is not null) await Run("chown", ["-R", $"{runAs}:", dataDirectory], null, ct);

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await Run(Path.Combine(bin, "initdb"),
                ["-D", dataDirectory, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                runAs, ct);
        }

        var running = ReadRunningPort(dataDirectory);
        var port = running ?? FreePort();
        var instance = new EmbeddedPostgres(bin, dataDirectory, runAs, port);
        if (running is null)
        {
            instance._ownsServer = true;
            var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200";
            if (throwaway) options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            foreach (var setting in settings) options += $" -c {setting}";
            await Run(Path.Combine(bin, "pg_ctl"),
                ["-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "-o", options, "start"],
                runAs, ct);
        }

        await instance.EnsureDatabase(ct);
        return instance;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped || !_ownsServer) return;
        _stopped = true;
        await Run(Path.Combine(_bin, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], _runAs,
            CancellationToken.None, throwOnError: false);
    }

    private async Task EnsureDatabase(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>A cluster left running by an earlier process that did not stop it is reused, not fought.</summary>
    private static int? ReadRunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
            return null;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("DSL_POSTGRES_BIN") is { Length: > 0 } configured)
            candidates.Add(configured);
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator));
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));

        foreach (var dir in candidates.Where(d => d.Length > 0))
        {
            var pgCtl = Path.Combine(dir, "pg_ctl");
            if (!File.Exists(pgCtl)) continue;
            var resolved = new FileInfo(pgCtl).ResolveLinkTarget(true)?.FullName ?? pgCtl;
            var binDir = Path.GetDirectoryName(resolved)!;
            if (File.Exists(Path.Combine(binDir, "initdb"))) return binDir;
        }

        throw new EmbeddedPostgresException(
            "No PostgreSQL server binaries (pg_ctl, initdb) were found on PATH or under /usr/lib/postgresql. " +
            "Install them (Debian/Ubuntu: apt-get install postgresql), set DSL_POSTGRES_BIN to their folder, " +
            "or set ConnectionStrings__Dsl to an existing PostgreSQL database.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot()
    {
        try { return File.ReadAllText("/proc/self/status").Contains("\nUid:\t0\t"); }
        catch (IOException) { return false; }
    }

    private static bool UserExists(string user) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":"));

    private static async Task Run(string file, IReadOnlyList<string> args, string? runAs, CancellationToken ct,
        bool throwOnError = true)
    {
        var start = new ProcessStartInfo(runAs is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server must not inherit the caller's working directory, which the postgres user may not read.
            WorkingDirectory = "/",
        };
        if (runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && throwOnError)
            throw new EmbeddedPostgresException(
                $"'{Path.GetFileName(file)}' failed (exit {process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}");
    }
}

public sealed class EmbeddedPostgresException(string message) : Exception(message);
