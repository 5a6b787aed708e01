using Dsl.BuildingBlocks.DataProtection;
using Weasel.Postgresql.Tables;

namespace Dsl.Host.DataProtection;

/// <summary>
/// The append-only log of reads of personal data (host.access_log): ids, roles and kinds only, never names. The host
/// only inserts into it; nothing updates or deletes a row.
/// </summary>
public sealed class AccessLog(Npgsql.NpgsqlDataSource database) : IAccessLog
{
    public const string Table = "host.access_log";

    public static void AddTable(StoreOptions store)
    {
        var log = new Table(Table);
        log.AddColumn<long>("seq").BigAutoIncrement().AsPrimaryKey();
        log.AddColumn<string>("actor").NotNull();
        log.AddColumn<string>("role").NotNull();
        log.AddColumn<string>("record_kind").NotNull();
        log.AddColumn<Guid>("enrolment_id");
        log.AddColumn<string>("setting_urn");
        log.AddColumn<DateTimeOffset>("at").NotNull();
        log.AddColumn<string>("trace_id");
        log.Indexes.Add(new IndexDefinition("ix_access_log_enrolment") { Columns = ["enrolment_id", "seq"] });
        log.Indexes.Add(new IndexDefinition("ix_access_log_actor") { Columns = ["actor", "seq"] });
        store.Storage.ExtendedSchemaObjects.Add(log);
    }

    public async Task AppendAsync(AccessRecord record, CancellationToken ct)
    {
        await using var insert = database.CreateCommand($"""
            insert into {Table} (actor, role, record_kind, enrolment_id, setting_urn, at, trace_id)
            values ($1, $2, $3, $4, $5, $6, $7)
            """);
        insert.Parameters.Add(new() { Value = record.Actor });
        insert.Parameters.Add(new() { Value = record.Role });
        insert.Parameters.Add(new() { Value = record.RecordKind });
        insert.Parameters.Add(new() { Value = (object?)record.EnrolmentId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        insert.Parameters.Add(new() { Value = (object?)record.SettingUrn ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = record.At });
        insert.Parameters.Add(new() { Value = (object?)record.TraceId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await insert.ExecuteNonQueryAsync(ct);
    }
}
