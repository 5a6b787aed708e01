using System.Data.Common;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace Dsl.Enrolment.Placement;

/// <summary>
/// <c>enrolment.cohort_occupancy</c>: places held and enrolments waitlisted per cohort and queue priority,
/// kept by a trigger on the enrolment projection in the same transaction as each change, so the place ledger
/// reads a few counters instead of counting a cohort's (or a year's) enrolments under its lock (ADR 0016).
/// Derived from <c>holds_place</c> and the status alone: no slice maintains it, so none can let it drift.
/// Created with Marten's schema migrations, after the document tables (see <see cref="Feature"/>); (re)creating
/// it counts the existing enrolments again.
/// </summary>
public sealed class CohortOccupancyTable : ISchemaObject
{
    /// <summary>A feature of its own, since Marten migrates custom features after the document tables the trigger needs.</summary>
    public sealed class Feature(Migrator migrator) : FeatureSchemaBase("cohort-occupancy", migrator)
    {
        protected override IEnumerable<ISchemaObject> schemaObjects() => [new CohortOccupancyTable()];
    }

    /// <summary>Stored as the table's comment; a different one makes the migration rebuild the table.</summary>
    private const string Version = "dsl:cohort-occupancy:v2";
    /// <summary>How Marten stores the status (the enum member's name), so the counts cannot miss it by casing.</summary>
    private const string Waitlisted = nameof(Enrolments.EnrolmentStatus.Waitlisted);
    private const string Schema = EnrolmentModule.Schema;
    public const string Name = Schema + ".cohort_occupancy";
    private const string Projection = Schema + ".mt_doc_enrolment";

    public DbObjectName Identifier { get; } = new PostgresqlObjectName(Schema, "cohort_occupancy", SchemaUtils.IdentifierUsage.General);

    public IEnumerable<DbObjectName> AllNames() => [Identifier];

    public void ConfigureQueryCommand(DbCommandBuilder builder) =>
        builder.Append($"select obj_description(to_regclass('{Name}'), 'pg_class');");

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct = default)
    {
        var current = await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct) ? reader.GetString(0) : null;
        return new SchemaObjectDelta(this, current switch
        {
            null => SchemaPatchDifference.Create,
            Version => SchemaPatchDifference.None,
            _ => SchemaPatchDifference.Update,
        });
    }

    public void WriteDropStatement(Migrator rules, TextWriter writer) => writer.WriteLine($"""
        drop function if exists {Schema}.count_cohort_occupancy() cascade;
        drop function if exists {Schema}.clear_cohort_occupancy() cascade;
        drop table if exists {Name};
        """);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer) => writer.WriteLine($$"""
        create table {{Name}} (
            cohort_id uuid not null,
            queue_priority int not null,
            academic_year_id varchar not null,
            held int not null default 0,
            waitlisted int not null default 0,
            primary key (cohort_id, queue_priority));
        create index ix_cohort_occupancy_year on {{Name}} (academic_year_id);
        comment on table {{Name}} is '{{Version}}';

        create function {{Schema}}.count_cohort_occupancy() returns trigger language plpgsql as $body$
        declare
            old_held int := 0; old_waiting int := 0; new_held int := 0; new_waiting int := 0;
        begin
            if tg_op <> 'INSERT' then
                old_held := case when old.holds_place then 1 else 0 end;
                old_waiting := case when old.data->>'status' = '{{Waitlisted}}' then 1 else 0 end;
            end if;
            if tg_op <> 'DELETE' then
                new_held := case when new.holds_place then 1 else 0 end;
                new_waiting := case when new.data->>'status' = '{{Waitlisted}}' then 1 else 0 end;
            end if;
            -- Most changes (phases, risk, endorser) leave the counts alone: touch no counter row then.
            if tg_op = 'UPDATE' and old.cohort_id = new.cohort_id and old_held = new_held and old_waiting = new_waiting
               and old.data->>'queuePriority' = new.data->>'queuePriority' then
                return null;
            end if;
            if old_held + old_waiting > 0 then
                update {{Name}} set held = held - old_held, waitlisted = waitlisted - old_waiting
                where cohort_id = old.cohort_id and queue_priority = (old.data->>'queuePriority')::int;
            end if;
            if new_held + new_waiting > 0 then
                insert into {{Name}} as o (cohort_id, queue_priority, academic_year_id, held, waitlisted)
                values (new.cohort_id, (new.data->>'queuePriority')::int, new.academic_year_id, new_held, new_waiting)
                on conflict (cohort_id, queue_priority) do update
                    set held = o.held + excluded.held, waitlisted = o.waitlisted + excluded.waitlisted;
            end if;
            return null;
        end $body$;
        create trigger cohort_occupancy_counted after insert or update or delete on {{Projection}}
            for each row execute function {{Schema}}.count_cohort_occupancy();

        create function {{Schema}}.clear_cohort_occupancy() returns trigger language plpgsql as $body$
        begin
            truncate {{Name}};
            return null;
        end $body$;
        create trigger cohort_occupancy_cleared after truncate on {{Projection}}
            for each statement execute function {{Schema}}.clear_cohort_occupancy();

        insert into {{Name}} (cohort_id, queue_priority, academic_year_id, held, waitlisted)
        select cohort_id, (data->>'queuePriority')::int, min(academic_year_id),
               count(*) filter (where holds_place), count(*) filter (where data->>'status' = '{{Waitlisted}}')
        from {{Projection}} where holds_place or data->>'status' = '{{Waitlisted}}'
        group by 1, 2;
        """);
}
