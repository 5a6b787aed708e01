using System.Diagnostics;

namespace Dsl.Benchmarks;

/// <summary>
/// CPU time used so far by the host, by the benchmark's PostgreSQL (its postmaster and the processes it started:
/// other clusters on a shared machine are not counted) and by this harness, read from /proc once at each end of a
/// phase, so the split per operation costs nothing while it runs. <see cref="JitMs"/>, where read (from the host's
/// /metrics), is the part of the host's spent compiling methods: a host still warming rather than the work.
/// </summary>
public sealed record CpuTime(double HostMs, double PostgresMs, double ClientMs, double JitMs = 0)
{
    private static readonly double TicksPerMs = 100 / 1000.0; // USER_HZ on Linux

    public static CpuTime Read(int hostPid, int postmasterPid)
    {
        double postgres = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (pid == postmasterPid || Field(dir, 1) == postmasterPid.ToString()) postgres += Ticks(dir);
            }
            catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return new CpuTime(Ticks($"/proc/{hostPid}") / TicksPerMs, postgres / TicksPerMs,
            Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    }

    public CpuTime Since(CpuTime start) =>
        new(HostMs - start.HostMs, PostgresMs - start.PostgresMs, ClientMs - start.ClientMs, JitMs - start.JitMs);

    /// <summary>The share of the host's CPU its JIT took.</summary>
    public double JitShare => HostMs > 0 ? JitMs / HostMs : 0;


    public string PerOperation(int operations) =>
        $"host {HostMs / operations:F2} ms{(JitMs > 0 ? $" (its JIT {JitMs / operations:F2})" : "")}, PostgreSQL {PostgresMs / operations:F2} ms, benchmark client {ClientMs / operations:F2} ms";

    /// <summary>The postmaster's pid, from the first line of postmaster.pid in its data directory.</summary>
    public static int Postmaster(string dataDirectory) => int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First());

    private static double Ticks(string dir) => double.Parse(Field(dir, 11)) + double.Parse(Field(dir, 12));

    // Fields of /proc/<pid>/stat after the command name (which may hold spaces, so count after ')'): 1 is the
    // parent's pid, 11 and 12 utime and stime.
    private static string Field(string dir, int index)
    {
        var stat = File.ReadAllText(Path.Combine(dir, "stat"));
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[index];
    }
}
