using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Dsl.BuildingBlocks.Postgres;

/// <summary>
/// A private PostgreSQL cluster for development and tests: initialised once under a data
/// directory, started on a free loopback port, stopped on dispose. Runs the server as the
/// `postgres` user when the caller is root, because initdb refuses root; if that user cannot reach
/// the requested directory (a clone under /root, which is 0700), the cluster lives in a folder of
/// that user's own instead, named after the requested path (ADR 0006).
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string DatabaseName = "dsl";
    private const string Superuser = "dsl";
    /// <summary>Where relocated clusters go, in order: under the server user's home, else a system temp folder that survives reboots.</summary>
    private const string ClustersFolder = "dsl-clusters";
    private const string FallbackClustersRoot = "/var/tmp/dsl-postgres";

    private readonly string _bin;
    private readonly string? _runAs;
    private bool _stopped;
    /// <summary>False when an already-running cluster was reused: another process owns it, so we leave it running.</summary>
    private bool _ownsServer;
    private string _options = "";

    private EmbeddedPostgres(string bin, string requestedDirectory, string dataDirectory, string? runAs, int port)
    {
        _bin = bin;
        RequestedDirectory = requestedDirectory;
        DataDirectory = dataDirectory;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The directory the caller asked for, as a full path.</summary>
    public string RequestedDirectory { get; }

    /// <summary>Where the cluster actually lives: <see cref="RequestedDirectory"/>, or a folder of the server user's own.</summary>
    public string DataDirectory { get; }

    /// <summary>True when the server user could not reach <see cref="RequestedDirectory"/>, so the cluster lives elsewhere.</summary>
    public bool Relocated => DataDirectory != RequestedDirectory;

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Database={DatabaseName};Username={Superuser};Pooling=true;Maximum Pool Size=100";

    /// <summary>One line for the console: where the cluster is and why, if it is not where it was asked for.</summary>
    public string Describe() =>
        $"PostgreSQL on 127.0.0.1:{Port}, cluster in {DataDirectory}" +
        (Relocated ? $" (the '{_runAs}' user cannot reach {RequestedDirectory})" : "");

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

        var requested = Path.GetFullPath(dataDirectory);
        string directory;
        if (runAs is null)
        {
            // The server runs as the caller, who can reach whatever the caller asked for.
            Directory.CreateDirectory(requested);
            directory = requested;
        }
        else directory = await PlaceForServerUser(requested, runAs, ct);

        if (!File.Exists(Path.Combine(directory, "PG_VERSION")))
        {
            await Run(Path.Combine(bin, "initdb"),
                ["-D", directory, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                runAs, ct);
        }

        var running = ReadRunningPort(directory);
        var port = running ?? FreePort();
        var instance = new EmbeddedPostgres(bin, requested, directory, runAs, port);
        if (running is null)
        {
            instance._ownsServer = true;
            var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200";
            if (throwaway) options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            foreach (var setting in settings) options += $" -c {setting}";
            instance._options = options;
            await instance.StartServer(ct);
        }

        await instance.EnsureDatabase(ct);
        return instance;
    }

    /// <summary>
    /// The cluster directory for a server running as <paramref name="user"/>: the requested one when that user owns it
    /// or can reach the folder it goes in; otherwise a folder of the user's own, one per requested path. The caller's
    /// folders are never re-permissioned: at most the cluster directory this call creates is handed to the server user.
    /// </summary>
    private static async Task<string> PlaceForServerUser(string requested, string user, CancellationToken ct)
    {
        // A cluster (or an empty directory) of an earlier run that the user owns and can reach.
        if (await Succeeds("test", ["-O", requested], user, ct)) return requested;

        if (!Directory.Exists(requested) && !File.Exists(requested))
        {
            var parent = Path.GetDirectoryName(requested)!;
            Directory.CreateDirectory(parent);
            // test -x on the parent fails unless every folder above it lets the user through too.
            if (!OperatingSystem.IsWindows() && await Succeeds("test", ["-x", parent], user, ct))
            {
                Directory.CreateDirectory(requested, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                await Run("chown", [$"{user}:", requested], null, ct);
                return requested;
            }
        }

        var name = ClusterName(requested);
        string[] roots = HomeOf(user) is { } home ? [Path.Combine(home, ClustersFolder), FallbackClustersRoot] : [FallbackClustersRoot];
        foreach (var root in roots)
        {
            var relocated = Path.Combine(root, name);
            // Made by the user itself, so it owns the folder without anyone changing permissions.
            if (await Succeeds("mkdir", ["-p", "-m", "0700", relocated], user, ct)
                && await Succeeds("test", ["-O", relocated], user, ct))
                return relocated;
        }
        throw new EmbeddedPostgresException(
            $"The '{user}' user cannot reach {requested}, nor create a cluster under {string.Join(" or ", roots)}. " +
            "Set Dsl:DataDirectory (Dsl__DataDirectory) to a folder that user can reach, or ConnectionStrings__Dsl to an existing database.");
    }

    /// <summary>
    /// A relocated cluster's folder name: the requested path made readable, and a hash of it, so two checkouts (or
    /// two test runs) never share a cluster and the same checkout finds its own again.
    /// </summary>
    public static string ClusterName(string requestedDirectory)
    {
        var full = Path.GetFullPath(requestedDirectory);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(full)))[..16];
        var readable = System.Text.RegularExpressions.Regex.Replace(full, "[^A-Za-z0-9._-]+", "-").Trim('-').ToLowerInvariant();
        if (readable.Length > 64) readable = readable[^64..].TrimStart('-', '.');
        return readable.Length == 0 ? hash : $"{readable}-{hash}";
    }

    private Task StartServer(CancellationToken ct) => Run(Path.Combine(_bin, "pg_ctl"),
        ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "-o", _options, "start"],
        _runAs, ct);

    /// <summary>Stops a server this instance started, keeping the cluster, as a database outage would (tests).</summary>
    public Task StopAsync() => _ownsServer
        ? Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], _runAs, CancellationToken.None)
        : throw new InvalidOperationException("This cluster was started by another process.");

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port.</summary>
    public Task RestartAsync(CancellationToken ct = default) => _ownsServer
        ? StartServer(ct)
        : throw new InvalidOperationException("This cluster was started by another process.");

    public async ValueTask DisposeAsync()
    {
        if (_stopped || !_ownsServer) return;
        _stopped = true;
        await Run(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], _runAs,
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

    /// <summary>The user's home directory from /etc/passwd (Debian's postgres user: /var/lib/postgresql, which it owns).</summary>
    private static string? HomeOf(string user)
    {
        if (!File.Exists("/etc/passwd")) return null;
        var fields = File.ReadLines("/etc/passwd").Select(l => l.Split(':')).FirstOrDefault(f => f.Length > 5 && f[0] == user);
        return fields is not null && fields[5].Length > 1 ? fields[5] : null;
    }

    /// <summary>Runs a check as <paramref name="runAs"/>; true when it exits 0.</summary>
    private static async Task<bool> Succeeds(string file, IReadOnlyList<string> args, string? runAs, CancellationToken ct)
    {
        try
        {
            await Run(file, args, runAs, ct);
            return true;
        }
        catch (EmbeddedPostgresException)
        {
            return false;
        }
    }

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
