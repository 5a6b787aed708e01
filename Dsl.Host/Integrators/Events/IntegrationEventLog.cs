using Dsl.Host.Integrators.Webhooks;
using Weasel.Postgresql.Tables;

namespace Dsl.Host.Integrators.Events;

/// <summary>
/// The integration event log and the webhook delivery queue: two plain tables in the host schema, created
/// with Marten's schema migrations. The log's bigserial is the feed cursor; recording takes a transaction lock
/// first, so sequence order is commit order and a reader paging by sequence never skips a late commit.
/// </summary>
public static class IntegrationEventLog
{
    public const string Events = "host.integration_events";
    public const string Deliveries = "host.webhook_deliveries";
    /// <summary>Marten's table of <see cref="WebhookSubscription"/> documents (host schema).</summary>
    private const string Subscriptions = "host.mt_doc_webhooksubscription";
    /// <summary>The NOTIFY channel that wakes the delivery worker when deliveries become due.</summary>
    public const string WakeChannel = "dsl_webhooks";
    private const long RecordLock = 0x44534C_0001;

    public static void AddTables(StoreOptions store)
    {
        var events = new Table("host.integration_events");
        events.AddColumn<long>("seq").BigAutoIncrement().AsPrimaryKey();
        events.AddColumn<Guid>("event_id").NotNull();
        events.AddColumn<string>("type").NotNull();
        events.AddColumn<string>("subject").NotNull();
        events.AddColumn<string>("region").NotNull();
        events.AddColumn<DateTimeOffset>("time").NotNull();
        events.AddColumn<string>("cloud_event").NotNull();
        events.Indexes.Add(new IndexDefinition("ux_integration_events_event_id") { Columns = ["event_id"], IsUnique = true });
        events.Indexes.Add(new IndexDefinition("ix_integration_events_time") { Columns = ["time"] });

        var deliveries = new Table("host.webhook_deliveries");
        deliveries.AddColumn<Guid>("id").AsPrimaryKey();
        deliveries.AddColumn<long>("position").BigAutoIncrement().NotNull();
        deliveries.AddColumn<Guid>("subscription_id").NotNull();
        deliveries.AddColumn<long>("event_seq").NotNull();
        deliveries.AddColumn<string>("subject").NotNull();
        deliveries.AddColumn<string>("status").NotNull();
        deliveries.AddColumn<int>("attempt_count").NotNull().DefaultValue(0);
        deliveries.AddColumn<DateTimeOffset>("next_attempt_at");
        deliveries.AddColumn<DateTimeOffset>("created_at").NotNull();
        deliveries.AddColumn<DateTimeOffset>("delivered_at");
        deliveries.AddColumn<string>("last_error");
        deliveries.AddColumn("attempts", "jsonb").NotNull().DefaultValueByExpression("'[]'::jsonb");
        // The W3C traceparent of the work that published the event, so each attempt continues that trace.
        deliveries.AddColumn<string>("trace_parent");
        deliveries.Indexes.Add(new IndexDefinition("ux_webhook_deliveries_position") { Columns = ["position"], IsUnique = true });
        deliveries.Indexes.Add(new IndexDefinition("ix_webhook_deliveries_subscription") { Columns = ["subscription_id", "position"] });
        deliveries.Indexes.Add(new IndexDefinition("ix_webhook_deliveries_pending_key")
            { Columns = ["subscription_id", "subject", "position"], Predicate = "status = 'pending'" });
        deliveries.Indexes.Add(new IndexDefinition("ix_webhook_deliveries_due") { Columns = ["next_attempt_at"], Predicate = "status = 'pending'" });

        store.Storage.ExtendedSchemaObjects.Add(events);
        store.Storage.ExtendedSchemaObjects.Add(deliveries);
    }

    /// <summary>
    /// Queues, inside the handler's transaction, the event's row in the log and one pending delivery per
    /// subscription that wants it, read in the same statement (a batch's statements go in one round trip): not
    /// disabled (a paused one queues and waits), listing the event's type or <see cref="WebhookSubscription.AllTypes"/>,
    /// and listing its region or none. An event already recorded (a redelivered message) adds nothing.
    /// </summary>
    public static void Record(IDocumentSession session, RecordIntegrationEvent @event, DateTimeOffset now) =>
        session.QueueSqlCommand($"""
            with serialised as (select pg_advisory_xact_lock({RecordLock})),
            recorded as (
                insert into {Events} (event_id, type, subject, region, time, cloud_event)
                select ?, ?, ?, ?, ?, ? from serialised
                on conflict (event_id) do nothing
                returning seq, subject, type, region),
            queued as (
                insert into {Deliveries} (id, subscription_id, event_seq, subject, status, next_attempt_at, created_at, trace_parent)
                select gen_random_uuid(), s.id, r.seq, r.subject, 'pending', ?, ?, ?
                from recorded r join {Subscriptions} s
                  on lower(s.data->>'status') <> 'disabled'
                 and (s.data->'eventTypes' @> jsonb_build_array('{WebhookSubscription.AllTypes}') or s.data->'eventTypes' @> jsonb_build_array(r.type))
                 and (jsonb_array_length(s.data->'regions') = 0 or s.data->'regions' @> jsonb_build_array(r.region))
                returning 1)
            select pg_notify('{WakeChannel}', '') from recorded where exists (select 1 from queued)
            """,
            @event.EventId, @event.Type, @event.Subject, @event.Region, @event.Time, @event.CloudEvent,
            now, now, (object?)@event.TraceParent ?? DBNull.Value);
}
