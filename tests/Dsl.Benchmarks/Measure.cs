using System.Diagnostics;

namespace Dsl.Benchmarks;

/// <summary>Runs an operation from N concurrent clients and reports throughput and latency percentiles.</summary>
public static class Measure
{
    public sealed record Result(int Clients, int Operations, double Seconds, double[] LatenciesMs)
    {
        public double PerSecond => Operations / Seconds;
        public double P(double percentile) => Percentile(LatenciesMs, percentile);
    }

    public static async Task<Result> Run(int clients, int operations, Func<int, Task> operation)
    {
        var latencies = new double[operations];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < operations)
            {
                var start = Stopwatch.GetTimestamp();
                await operation(i);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        })));
        return new Result(clients, operations, clock.Elapsed.TotalSeconds, latencies);
    }

    public static double Percentile(double[] values, double percentile)
    {
        if (values.Length == 0) return 0;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
