using Npgsql;

namespace Dsl.Benchmarks;

/// <summary>
/// <c>--statements</c>: what one operation costs the database — transactions, statements and the statements
/// taking most server time — from pg_stat_statements over the 32-client DSL run and its message backlog.
/// </summary>
public static class StatementProfile
{
    /// <summary>The server setting that loads pg_stat_statements (a diagnostic run only: it adds overhead).</summary>
    public const string ServerSetting = "shared_preload_libraries=pg_stat_statements";

    public static async Task EnableAsync(Dsl.BuildingBlocks.Postgres.EmbeddedPostgres postgres)
    {
        await using var db = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var command = db.CreateCommand("create extension if not exists pg_stat_statements");
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ResetAsync(NpgsqlDataSource db)
    {
        await using var reset = db.CreateCommand("select pg_stat_statements_reset()");
        await reset.ExecuteNonQueryAsync();
        return await CommitsAsync(db);
    }

    public static async Task PrintAsync(NpgsqlDataSource db, long commitsBefore, int operations)
    {
        var commits = await CommitsAsync(db) - commitsBefore;
        await using var totals = db.CreateCommand("select sum(calls), sum(total_exec_time) from pg_stat_statements");
        await using (var reader = await totals.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Console.WriteLine($"per operation: {commits / (double)operations:F1} commits, {reader.GetDecimal(0) / operations:F1} statements, " +
                              $"{reader.GetDouble(1) / operations:F2} ms server execution time");
        }
        await using var top = db.CreateCommand("""
            select calls, total_exec_time, left(regexp_replace(query, '\s+', ' ', 'g'), 150)
            from pg_stat_statements order by total_exec_time desc limit 30
            """);
        await using var rows = await top.ExecuteReaderAsync();
        Console.WriteLine(" calls/op | ms/op  | statement");
        while (await rows.ReadAsync())
            Console.WriteLine($"{rows.GetInt64(0) / (double)operations,9:F2} | {rows.GetDouble(1) / operations,6:F3} | {rows.GetString(2)}");
    }

    private static async Task<long> CommitsAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("select xact_commit from pg_stat_database where datname = current_database()");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
