using System.Text.Json;
using Dsl.Host.Integrators.Events;
using Npgsql;
using NpgsqlTypes;

namespace Dsl.Host.Integrators.Deliveries;

public enum DeliveryStatus { Pending, Delivered, DeadLettered }

/// <summary>One try at delivering: when, what the receiver answered (or why there was no answer) and how long it took.</summary>
public sealed record DeliveryAttempt(int Number, DateTimeOffset At, int? StatusCode, long DurationMs, string? Error);

/// <summary>A webhook delivery as read by its subscriber.</summary>
/// <param name="AttemptCount">Attempts in the current round; a redelivery starts a new round of retries.</param>
/// <param name="Attempts">Every attempt, oldest first, across rounds.</param>
public sealed record WebhookDeliveryView(
    Guid Id, Guid EventId, string EventType, string Subject, DeliveryStatus Status, int AttemptCount,
    IReadOnlyList<DeliveryAttempt> Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt, string? LastError);

/// <summary>A pending delivery whose turn has come: the first undelivered one for its subject and subscription.</summary>
public sealed record DueDelivery(Guid Id, Guid SubscriptionId, int AttemptCount, Guid EventId, string EventType, string Subject,
    string Body, string? TraceParent);

/// <summary>Pending deliveries, those due now, how long the oldest due one has waited, and dead letters.</summary>
public sealed record WebhookBacklog(long Pending, long Due, TimeSpan OldestDueWaiting, long DeadLettered);

/// <summary>What became of one attempt, as the worker writes it back.</summary>
public sealed record AttemptResult(DeliveryStatus Status, int AttemptCount, DateTimeOffset? NextAttemptAt, DeliveryAttempt? Attempt, string? Error);

/// <summary>
/// The delivery queue's SQL: claiming due deliveries in order per subject, writing attempts back, listing,
/// redelivering and replaying. Each statement is atomic on its own.
/// </summary>
public sealed class WebhookDeliveries(NpgsqlDataSource database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static string Wake => $"pg_notify('{IntegrationEventLog.WakeChannel}', '')";

    /// <summary>
    /// Due deliveries of live subscriptions, each the oldest pending one for its subscription and subject (so one
    /// enrolment's events reach a subscriber in order), skipping those already in flight.
    /// </summary>
    public async Task<List<DueDelivery>> DueAsync(DateTimeOffset now, Guid[] subscriptions, Guid[] inFlight, int limit, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select d.id, d.subscription_id, d.attempt_count, e.event_id, e.type, d.subject, e.cloud_event, d.trace_parent
            from {IntegrationEventLog.Deliveries} d join {IntegrationEventLog.Events} e on e.seq = d.event_seq
            where d.status = 'pending' and d.next_attempt_at <= $1 and d.subscription_id = any($2) and not (d.id = any($3))
              and not exists (select 1 from {IntegrationEventLog.Deliveries} p
                              where p.subscription_id = d.subscription_id and p.subject = d.subject
                                and p.status = 'pending' and p.position < d.position)
            order by d.next_attempt_at, d.position
            limit $4
            """);
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = subscriptions });
        command.Parameters.Add(new() { Value = inFlight });
        command.Parameters.Add(new() { Value = limit });
        var due = new List<DueDelivery>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            due.Add(new DueDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetGuid(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        return due;
    }

    public async Task CompleteAsync(Guid id, AttemptResult result, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            update {IntegrationEventLog.Deliveries}
            set status = $2, attempt_count = $3, next_attempt_at = $4, last_error = $5,
                delivered_at = case when $2 = 'delivered' then ($6::jsonb->>'at')::timestamptz else delivered_at end,
                attempts = case when $6::jsonb is null then attempts else attempts || jsonb_build_array($6::jsonb) end
            where id = $1
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = StatusName(result.Status) });
        command.Parameters.Add(new() { Value = result.AttemptCount });
        command.Parameters.Add(new() { Value = (object?)result.NextAttemptAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)result.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new()
        {
            Value = result.Attempt is null ? DBNull.Value : JsonSerializer.Serialize(result.Attempt, Json), NpgsqlDbType = NpgsqlDbType.Jsonb,
        });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A subscription's deliveries, newest first, optionally of one status.</summary>
    public async Task<List<(long Position, WebhookDeliveryView View)>> ListAsync(Guid subscriptionId, DeliveryStatus? status,
        long? before, int limit, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select d.position, d.id, e.event_id, e.type, d.subject, d.status, d.attempt_count, d.attempts::text,
                   d.created_at, d.next_attempt_at, d.delivered_at, d.last_error
            from {IntegrationEventLog.Deliveries} d join {IntegrationEventLog.Events} e on e.seq = d.event_seq
            where d.subscription_id = $1 and ($2::text is null or d.status = $2) and ($3::bigint is null or d.position < $3)
            order by d.position desc
            limit $4
            """);
        command.Parameters.Add(new() { Value = subscriptionId });
        command.Parameters.Add(new() { Value = status is null ? DBNull.Value : StatusName(status.Value), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = limit });
        var page = new List<(long, WebhookDeliveryView)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            page.Add((reader.GetInt64(0), new WebhookDeliveryView(reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3),
                reader.GetString(4), ParseStatus(reader.GetString(5)), reader.GetInt32(6),
                JsonSerializer.Deserialize<List<DeliveryAttempt>>(reader.GetString(7), Json)!,
                reader.GetFieldValue<DateTimeOffset>(8), NullableTime(reader, 9), NullableTime(reader, 10),
                reader.IsDBNull(11) ? null : reader.GetString(11))));
        return page;
    }

    /// <summary>Sends a delivery again, whatever became of it, with a fresh round of retries. False if there is no such delivery.</summary>
    public async Task<bool> RedeliverAsync(Guid subscriptionId, Guid deliveryId, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            with due as (
                update {IntegrationEventLog.Deliveries} set status = 'pending', attempt_count = 0, next_attempt_at = $3, last_error = null
                where id = $2 and subscription_id = $1 returning 1)
            select count(*), {Wake} from due
            """);
        command.Parameters.Add(new() { Value = subscriptionId });
        command.Parameters.Add(new() { Value = deliveryId });
        command.Parameters.Add(new() { Value = now });
        return (long)(await command.ExecuteScalarAsync(ct))! > 0;
    }

    /// <summary>Queues a new delivery of every recorded event since <paramref name="from"/> that the subscription wants; returns how many.</summary>
    public async Task<long> ReplayAsync(Guid subscriptionId, DateTimeOffset from, string[]? types, string[]? regions,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            with queued as (
                insert into {IntegrationEventLog.Deliveries} (id, subscription_id, event_seq, subject, status, next_attempt_at, created_at)
                select gen_random_uuid(), $1, e.seq, e.subject, 'pending', $5, $5
                from {IntegrationEventLog.Events} e
                where e.time >= $2 and ($3::text[] is null or e.type = any($3)) and ($4::text[] is null or e.region = any($4))
                order by e.seq
                returning 1)
            select count(*), {Wake} from queued
            """);
        command.Parameters.Add(new() { Value = subscriptionId });
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = (object?)types ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)regions ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = now });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The queue at a glance: pending, due now, how overdue the oldest due one is, and dead letters.</summary>
    public async Task<WebhookBacklog> BacklogAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select count(*) filter (where status = 'pending'),
                   count(*) filter (where status = 'pending' and next_attempt_at <= $1),
                   min(next_attempt_at) filter (where status = 'pending' and next_attempt_at <= $1),
                   count(*) filter (where status = 'deadLettered')
            from {IntegrationEventLog.Deliveries}
            """);
        command.Parameters.Add(new() { Value = now });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var oldestDue = NullableTime(reader, 2);
        return new WebhookBacklog(reader.GetInt64(0), reader.GetInt64(1), oldestDue is null ? TimeSpan.Zero : now - oldestDue.Value,
            reader.GetInt64(3));
    }

    public static string StatusName(DeliveryStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static DeliveryStatus ParseStatus(string name) => Enum.Parse<DeliveryStatus>(name, ignoreCase: true);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
