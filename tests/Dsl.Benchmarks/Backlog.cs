using System.Diagnostics;
using Npgsql;

namespace Dsl.Benchmarks;

/// <summary>
/// The modules' message backlog (incoming envelopes not yet handled, by queue) sampled once a second during a run:
/// a backlog that keeps growing means a consumer does not keep up with the load.
/// </summary>
public static class Backlog
{
    /// <summary>Waits until the modules have handled every message the enrolments caused (at most two minutes).</summary>
    public static async Task<TimeSpan> DrainAsync(NpgsqlDataSource db)
    {
        var clock = Stopwatch.StartNew();
        await using var backlog = db.CreateCommand("select count(*) from wolverine.wolverine_incoming_envelopes where status = 'Incoming'");
        while ((long)(await backlog.ExecuteScalarAsync())! > 0 && clock.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(200);
        return clock.Elapsed;
    }

    public sealed record Sample(double Seconds, Dictionary<string, long> ByQueue)
    {
        public long Total => ByQueue.Values.Sum();
    }

    public sealed record Samples(List<Sample> Taken)
    {
        public string Describe()
        {
            if (Taken.Count == 0) return "no samples";
            var peak = Taken.MaxBy(s => s.Total)!;
            var worst = peak.ByQueue.OrderByDescending(q => q.Value).Take(3).Select(q => $"{q.Key} {q.Value}");
            // Growth over the second half of the run: a queue keeping up stays flat however large its peak.
            var half = Taken[Taken.Count / 2];
            var last = Taken[^1];
            var growth = last.Seconds > half.Seconds ? (last.Total - half.Total) / (last.Seconds - half.Seconds) : 0;
            return $"peak {peak.Total} at {peak.Seconds:F0} s ({string.Join(", ", worst)}), last {last.Total}, " +
                   $"second half {growth:+0;-0;0}/s";
        }
    }

    public static async Task<Samples> SampleAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var taken = new List<Sample>();
        var clock = Stopwatch.StartNew();
        await using var query = db.CreateCommand("""
            select coalesce(substring(to_jsonb(e)->>'received_at' from '([^/]+)/?$'), '?') || ':' || e.message_type, count(*)
            from wolverine.wolverine_incoming_envelopes e where e.status = 'Incoming' group by 1
            """);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var byQueue = new Dictionary<string, long>();
                await using (var reader = await query.ExecuteReaderAsync(ct))
                    while (await reader.ReadAsync(ct)) byQueue[reader.IsDBNull(0) ? "?" : reader.GetString(0)] = reader.GetInt64(1);
                taken.Add(new Sample(clock.Elapsed.TotalSeconds, byQueue));
                await Task.Delay(1000, ct);
            }
        }
        catch (OperationCanceledException) { }
        return new Samples(taken);
    }

    /// <summary>Rows in Wolverine's envelope tables by status: handled rows kept for deduplication, scheduled and dead letters.</summary>
    public static async Task<string> EnvelopeRowsAsync(NpgsqlDataSource db)
    {
        await using var query = db.CreateCommand("""
            select 'incoming ' || status, count(*) from wolverine.wolverine_incoming_envelopes group by status
            union all select 'outgoing', count(*) from wolverine.wolverine_outgoing_envelopes
            union all select 'dead letters', count(*) from wolverine.wolverine_dead_letters
            """);
        var parts = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) parts.Add($"{reader.GetString(0)} {reader.GetInt64(1)}");
        return string.Join(", ", parts);
    }
}
