using System.Diagnostics;

namespace Dsl.Benchmarks;

/// <summary>
/// CPU time used so far by the host, by PostgreSQL (every postgres process) and by this harness, read from
/// /proc once at each end of a phase, so the split per operation costs nothing while it runs.
/// </summary>
public sealed record CpuTime(double HostMs, double PostgresMs, double ClientMs)
{
    private static readonly double TicksPerMs = 100 / 1000.0; // USER_HZ on Linux

    public static CpuTime Read(int hostPid)
    {
        double postgres = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() is "postgres") postgres += Ticks(dir);
            }
            catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return new CpuTime(Ticks($"/proc/{hostPid}") / TicksPerMs, postgres / TicksPerMs,
            Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);
    }

    public CpuTime Since(CpuTime start) => new(HostMs - start.HostMs, PostgresMs - start.PostgresMs, ClientMs - start.ClientMs);

    public string PerOperation(int operations) =>
        $"host {HostMs / operations:F2} ms, PostgreSQL {PostgresMs / operations:F2} ms, benchmark client {ClientMs / operations:F2} ms";

    private static double Ticks(string dir)
    {
        // utime and stime are fields 14 and 15; the command name before them may hold spaces, so count after ')'.
        var stat = File.ReadAllText(Path.Combine(dir, "stat"));
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return double.Parse(fields[11]) + double.Parse(fields[12]);
    }
}
