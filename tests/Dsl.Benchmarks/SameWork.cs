using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Dsl.Benchmarks;

/// <summary>
/// The same logical work as DSL's submit + endorse, hand-written with Npgsql, module isolation kept (a schema
/// per module, facts crossing only as outbox rows): the ratio's denominator (README, Performance).
/// <list type="bullet">
/// <item>submit, one transaction: read the setting, the cohort and any existing place; insert the stream, its
/// event, the enrolment and lead documents, the setting's place and one outbox row per consumer of the
/// submission (Curriculum, the integration event log);</item>
/// <item>endorse, one transaction: read the enrolment, the lead and the setting (the lead's naming message carries
/// its name); take the cohort's advisory lock; read and update its occupancy counters; insert the two events,
/// update the stream version and the enrolment document; one outbox row per consumer of the endorsed and confirmed
/// messages, Curriculum's carrying the lead's name (DSL sends the two together, ADR 0042; no scheduled activity
/// check: DSL sweeps daily instead, ADR 0041);</item>
/// <item>each consumer DSL has (the log for each of the three public events; Curriculum for submitted and for
/// confirmed with the lead's name; Assessment; PeerNetwork), one transaction each: delete its outbox row and write
/// its effect.</item>
/// </list>
/// Each transaction is one <see cref="NpgsqlBatch"/> (one round trip) of prepared statements. Consumers run on
/// background workers while clients keep submitting; an operation counts when the clients are done and every
/// consumer transaction it caused has committed.
/// </summary>
/// <param name="serialisedLog">
/// True (the same work): the log records each event under its one lock, as DSL's does, so feed order is commit order.
/// False shows what that lock costs: the log's inserts run in parallel (and its feed would no longer be gap-safe).
/// </param>
public sealed class SameWork(NpgsqlDataSource db, bool serialisedLog = true)
{
    public const int ConsumerWorkers = 32;
    private const int Settings = 30_000;
    private static readonly Guid[] Cohorts = Enumerable.Range(1, 7).Select(i => new Guid($"00000000-0000-0000-0000-00000000000{i}")).ToArray();
    private int nextSetting = -1;

    /// <summary>A consumer's transaction: the outbox row it takes and the statements of its effect.</summary>
    private sealed record Delivery(Guid OutboxId, string Consumer, Guid EnrolmentId, string Json);

    public async Task Prepare()
    {
        await using var command = db.CreateCommand($"""
            drop schema if exists same_enrolment, same_curriculum, same_assessment, same_peer, same_host cascade;
            create schema same_enrolment; create schema same_curriculum; create schema same_assessment;
            create schema same_peer; create schema same_host;
            create table same_enrolment.settings (urn text primary key, data jsonb not null);
            create table same_enrolment.cohorts (id uuid primary key, data jsonb not null);
            create table same_enrolment.setting_places (urn text primary key, enrolment_id uuid not null);
            create table same_enrolment.streams (id uuid primary key, version int not null);
            create table same_enrolment.events (seq bigserial primary key, stream_id uuid not null, version int not null,
                type text not null, data jsonb not null, at timestamptz not null default now(), unique (stream_id, version));
            create table same_enrolment.enrolments (id uuid primary key, version int not null, data jsonb not null);
            create table same_enrolment.leads (id uuid primary key, data jsonb not null);
            create table same_enrolment.cohort_occupancy (cohort_id uuid, priority int, held int not null, waitlisted int not null,
                primary key (cohort_id, priority));
            create table same_host.outbox (id uuid primary key, destination text not null, type text not null, body jsonb not null,
                execution_time timestamptz);
            create table same_host.integration_events (seq bigserial primary key, event_id uuid not null unique, type text not null,
                subject text not null, region text not null, time timestamptz not null, cloud_event text not null);
            create table same_curriculum.tracks (id uuid primary key, data jsonb not null);
            create table same_curriculum.lead_progress (id uuid primary key, data jsonb not null);
            create table same_curriculum.certificate_names (id uuid primary key, data jsonb not null);
            create table same_assessment.enrolments (id uuid primary key, data jsonb not null);
            create table same_peer.members (id uuid primary key, data jsonb not null);
            insert into same_enrolment.settings
                select (700000 + i)::text, jsonb_build_object('urn', (700000 + i)::text, 'name', 'School ' || i, 'region', 'london',
                    'status', 'open', 'phase', 'primary', 'type', 'academy', 'funding', 'funded')
                from generate_series(1, {Settings}) i;
            insert into same_enrolment.cohorts select id, jsonb_build_object('id', id, 'capacity', 1000000, 'academicYearId', '2030-31')
                from unnest(array['{string.Join("','", Cohorts)}']::uuid[]) id;
            insert into same_enrolment.cohort_occupancy select id, 0, 0, 0 from unnest(array['{string.Join("','", Cohorts)}']::uuid[]) id;
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Runs <paramref name="operations"/> submit + endorse from N clients, timed like DSL's: the clients' time, with
    /// the consumers working meanwhile; and how long after the clients the last consumer committed.
    /// </summary>
    public async Task<(Measure.Result Requests, double ConsumersDoneAfterSeconds)> Run(int clients, int operations)
    {
        var deliveries = Channel.CreateUnbounded<Delivery>();
        var consumers = Enumerable.Range(0, ConsumerWorkers).Select(_ => Task.Run(async () =>
        {
            await foreach (var delivery in deliveries.Reader.ReadAllAsync()) await Consume(delivery);
        })).ToArray();
        var requests = await Measure.Run(clients, operations, _ => SubmitAndEndorse(deliveries.Writer));
        var clock = Stopwatch.StartNew();
        deliveries.Writer.Complete();
        await Task.WhenAll(consumers);
        return (requests, clock.Elapsed.TotalSeconds);
    }

    private async Task SubmitAndEndorse(ChannelWriter<Delivery> deliveries)
    {
        var i = Interlocked.Increment(ref nextSetting);
        var urn = (700000 + 1 + i % Settings).ToString();
        var cohort = Cohorts[i % Cohorts.Length];
        var id = Guid.CreateVersion7();
        var leadId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var about = $$"""{"enrolmentId":"{{id}}","settingUrn":"{{urn}}","cohortId":"{{cohort}}","region":"london","academicYear":"2030-31","occurredAt":"{{now:O}}"}""";

        var submitted = Outbox(["curriculum.submitted", "host.submitted"], about);
        // Reads come back before the writes in the one round trip; the benchmark's data is always valid.
        await Transaction(
            Command("select data from same_enrolment.settings where urn = $1", urn),
            Command("select data from same_enrolment.cohorts where id = $1", cohort),
            Command("select enrolment_id from same_enrolment.setting_places where urn = $1", urn),
            Command("insert into same_enrolment.streams (id, version) values ($1, 1)", id),
            Command("insert into same_enrolment.events (stream_id, version, type, data) values ($1, 1, 'started', $2)", id, Json(about)),
            Command("insert into same_enrolment.enrolments (id, version, data) values ($1, 1, $2)", id, Json(about)),
            Command("insert into same_enrolment.leads (id, data) values ($1, $2)", leadId,
                Json($$"""{"id":"{{leadId}}","name":"Bench Lead","email":"lead{{urn}}@example.org","jobTitle":"Deputy head","onSeniorLeadershipTeam":true}""")),
            Command("insert into same_enrolment.setting_places (urn, enrolment_id) values ($1, $2)", urn, id),
            submitted.Command);
        foreach (var delivery in submitted.Deliveries(id)) await deliveries.WriteAsync(delivery);

        // Curriculum's confirmation carries the lead's name: one row, as DSL sends them together (ADR 0042).
        var confirmed = Outbox(["host.endorsed", "host.confirmed", "curriculum.confirmed", "assessment.confirmed", "peer.confirmed"], about);
        await Transaction(
            Command("select version, data from same_enrolment.enrolments where id = $1", id),
            Command("select data from same_enrolment.leads where id = $1", leadId),
            Command("select data from same_enrolment.settings where urn = $1", urn),
            Command("select pg_advisory_xact_lock(hashtext($1::text))", cohort),
            Command("select held, waitlisted from same_enrolment.cohort_occupancy where cohort_id = $1 and priority = 0", cohort),
            Command("update same_enrolment.cohort_occupancy set held = held + 1 where cohort_id = $1 and priority = 0", cohort),
            Command("insert into same_enrolment.events (stream_id, version, type, data) values ($1, 2, 'endorsed', $2)", id, Json(about)),
            Command("insert into same_enrolment.events (stream_id, version, type, data) values ($1, 3, 'placeAllocated', $2)", id, Json(about)),
            Command("update same_enrolment.streams set version = 3 where id = $1 and version = 1", id),
            Command("update same_enrolment.enrolments set version = 3, data = $2 where id = $1", id, Json(about)),
            confirmed.Command);
        foreach (var delivery in confirmed.Deliveries(id)) await deliveries.WriteAsync(delivery);
    }

    /// <summary>One transaction sent as one batch: one round trip, then the commit.</summary>
    private async Task Transaction(params NpgsqlBatchCommand[] commands)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var command in commands) batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    /// <summary>One outbox row per consumer, written in one statement.</summary>
    private static (NpgsqlBatchCommand Command, Func<Guid, IEnumerable<Delivery>> Deliveries) Outbox(string[] consumers, string about)
    {
        var ids = consumers.Select(_ => Guid.CreateVersion7()).ToArray();
        var command = Command("insert into same_host.outbox (id, destination, type, body) select id, d, d, $3 from unnest($1::uuid[], $2::text[]) as o(id, d)",
            ids, consumers, Json(about));
        return (command, enrolment => consumers.Select((c, i) => new Delivery(ids[i], c, enrolment, about)));
    }

    private async Task Consume(Delivery delivery)
    {
        var id = delivery.EnrolmentId;
        NpgsqlBatchCommand[] effect = delivery.Consumer switch
        {
            "host.submitted" or "host.endorsed" or "host.confirmed" =>
            [
                Command(serialisedLog ? "select pg_advisory_xact_lock(4567)" : "select 1"),
                Command("""
                    insert into same_host.integration_events (event_id, type, subject, region, time, cloud_event)
                    values ($1, $2, $3, 'london', now(), $4) on conflict (event_id) do nothing
                    """, delivery.OutboxId, delivery.Consumer, id.ToString(), delivery.Json),
            ],
            "curriculum.submitted" =>
                [Command("insert into same_curriculum.tracks (id, data) values ($1, $2) on conflict (id) do update set data = excluded.data", id, Json("""{"track":"full"}"""))],
            "curriculum.confirmed" =>
            [
                Command("insert into same_curriculum.lead_progress (id, data) values ($1, $2) on conflict (id) do nothing", id, Json(delivery.Json)),
                Command("insert into same_curriculum.certificate_names (id, data) values ($1, $2) on conflict (id) do update set data = excluded.data", id, Json("""{"leadName":"Bench Lead","settingName":"School"}""")),
            ],
            "assessment.confirmed" =>
                [Command("insert into same_assessment.enrolments (id, data) values ($1, $2) on conflict (id) do update set data = excluded.data", id, Json(delivery.Json))],
            "peer.confirmed" =>
                [Command("insert into same_peer.members (id, data) values ($1, $2) on conflict (id) do nothing", id, Json(delivery.Json))],
            _ => throw new InvalidOperationException(delivery.Consumer),
        };
        await Transaction([Command("delete from same_host.outbox where id = $1", delivery.OutboxId), .. effect]);
    }

    private static NpgsqlParameter Json(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        return command;
    }
}
