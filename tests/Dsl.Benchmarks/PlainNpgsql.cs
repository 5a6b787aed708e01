using Npgsql;
using NpgsqlTypes;

namespace Dsl.Benchmarks;

/// <summary>
/// The same logical writes as submit + endorse, hand-written with Npgsql: per enrolment one transaction
/// starting the stream with its first event and an outbox row, then one appending two events and an
/// outbox row. The floor DSL is measured against.
/// </summary>
public sealed class PlainNpgsql(NpgsqlDataSource db)
{
    public async Task Prepare()
    {
        await using var command = db.CreateCommand("""
            drop schema if exists bench_plain cascade;
            create schema bench_plain;
            create table bench_plain.streams (id uuid primary key, version int not null);
            create table bench_plain.events (stream_id uuid not null, version int not null, type text not null, data jsonb not null,
                at timestamptz not null default now(), primary key (stream_id, version));
            create table bench_plain.outbox (id uuid primary key, type text not null, body jsonb not null);
            """);
        await command.ExecuteNonQueryAsync();
    }

    public async Task SubmitAndEndorse(Guid id)
    {
        await Write(id, 0, ["submitted"]);
        await Write(id, 1, ["endorsed", "placeAllocated"]);
    }

    private async Task Write(Guid id, int expected, string[] types)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var batch = new NpgsqlBatch(connection, tx);
        batch.BatchCommands.Add(expected == 0
            ? new NpgsqlBatchCommand("insert into bench_plain.streams (id, version) values ($1, $2)") { Parameters = { new() { Value = id }, new() { Value = types.Length } } }
            : new NpgsqlBatchCommand("update bench_plain.streams set version = $2 where id = $1 and version = $3")
                { Parameters = { new() { Value = id }, new() { Value = expected + types.Length }, new() { Value = expected } } });
        for (var i = 0; i < types.Length; i++)
            batch.BatchCommands.Add(new NpgsqlBatchCommand("insert into bench_plain.events (stream_id, version, type, data) values ($1, $2, $3, $4)")
            {
                Parameters =
                {
                    new() { Value = id }, new() { Value = expected + i + 1 }, new() { Value = types[i] },
                    new() { Value = $$"""{"enrolmentId":"{{id}}","settingUrn":"123456","cohortId":"{{Guid.NewGuid()}}"}""", NpgsqlDbType = NpgsqlDbType.Jsonb },
                },
            });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("insert into bench_plain.outbox (id, type, body) values ($1, $2, $3)")
        {
            Parameters = { new() { Value = Guid.NewGuid() }, new() { Value = types[^1] }, new() { Value = $$"""{"enrolmentId":"{{id}}"}""", NpgsqlDbType = NpgsqlDbType.Jsonb } },
        });
        await batch.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
}
