using System.Diagnostics;

namespace Dsl.Benchmarks;

/// <summary>
/// CPU time used so far by the host, by the benchmark's PostgreSQL (its postmaster and the processes it started:
/// other clusters on a shared machine are not counted) and by this harness, read from /proc once at each end of a
/// phase, so the split per operation costs nothing while it runs. <see cref="JitMs"/> is the part of the host's that its
/// tiered compilation thread used: recompiling hot methods, i.e. a host still warming rather than the work.
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
            Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds, JitTicks(hostPid) / TicksPerMs);
    }

    public CpuTime Since(CpuTime start) =>
        new(HostMs - start.HostMs, PostgresMs - start.PostgresMs, ClientMs - start.ClientMs, JitMs - start.JitMs);

    /// <summary>The share of the host's CPU its tiered compilation thread took.</summary>
    public double JitShare => HostMs > 0 ? JitMs / HostMs : 0;

    // The runtime names the thread ".NET Tiered Compilation Worker"; Linux keeps its first 15 characters.
    private static double JitTicks(int hostPid)
    {
        double ticks = 0;
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{hostPid}/task"))
                try
                {
                    if (File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered")) ticks += Ticks(task);
                }
                catch (IOException) { } // the thread ended meanwhile
        }
        catch (DirectoryNotFoundException) { }
        return ticks;
    }

    public string PerOperation(int operations) =>
        $"host {HostMs / operations:F2} ms (its JIT {JitMs / operations:F2}), PostgreSQL {PostgresMs / operations:F2} ms, benchmark client {ClientMs / operations:F2} ms";

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
