using Dsl.Tests.Integrators;

namespace Dsl.Tests.Infrastructure;

/// <summary>Waiting for an outcome another process brings about (a host, a database): polled, never slept in place of a wait.</summary>
public static class Polling
{
    /// <summary>True once <paramref name="condition"/> holds, false if it still does not after <paramref name="limit"/>.</summary>
    public static async Task<bool> Until(Func<Task<bool>> condition, TimeSpan limit, TimeSpan? tick = null)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(tick ?? TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken); // polling the outcome
        }
        return true;
    }
}

/// <summary>
/// What an event the webhook receiver never got left behind, for a failing test's message: every envelope, dead letter
/// and log row that mentions its enrolment (an envelope marked handled is swept a minute later), and the host's last
/// warnings and errors.
/// </summary>
public static class LostEvents
{
    public static async Task<string> DescribeAsync(string connectionString, IEnumerable<string> subjects, HostProcess host)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = new Npgsql.NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        var rows = new List<string>();
        foreach (var subject in subjects.Distinct())
        {
            await using var command = new Npgsql.NpgsqlCommand("""
                select 'envelope', status, message_type, attempts::text from wolverine.wolverine_incoming_envelopes
                where position(convert_to(@id, 'UTF8') in body) > 0
                union all select 'dead letter', exception_type, message_type, '' from wolverine.wolverine_dead_letters
                where position(convert_to(@id, 'UTF8') in body) > 0
                union all select 'log', type, subject, '' from host.integration_events where subject = @id
                """, db);
            command.Parameters.AddWithValue("id", subject);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add($"{subject}: {reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)}");
        }
        var problems = host.Output.Where(l => l.Contains("\"LogLevel\":\"Warning\"") || l.Contains("\"LogLevel\":\"Error\""))
            .TakeLast(30).Select(l => l.Length > 400 ? l[..400] : l);
        return $"\nrows about them:\n{string.Join("\n", rows)}\nthe host's last warnings and errors:\n{string.Join("\n", problems)}";
    }
}
