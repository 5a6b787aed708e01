namespace Dsl.Host.DataProtection;

public sealed record GetAccessLogQuery : PageQuery
{
    /// <summary>Only reads of this enrolment's records.</summary>
    [FromQuery(Name = "enrolmentId")] public Guid? EnrolmentId { get; set; }
    /// <summary>Only reads by this user id (a token's subject).</summary>
    [FromQuery(Name = "actor")] public string? Actor { get; set; }

    public sealed class Validator : AbstractValidator<GetAccessLogQuery>
    {
        public Validator() => Include(new PageQueryValidator(Cursors.IsNumberKey));
    }
}

/// <summary>One read of a person's record by someone else.</summary>
public sealed record AccessLogEntry(long Seq, string Actor, string Role, string RecordKind, Guid? EnrolmentId, string? SettingUrn,
    DateTimeOffset At, string? TraceId);

public static class GetAccessLogEndpoint
{
    /// <summary>
    /// Who read which person's records, oldest first (admin): actor's user id, role, kind of record, enrolment or setting,
    /// time and trace id. A lead's reads of their own records are not logged.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverineGet("/api/data-protection/access-log", OperationId = "GetAccessLog")]
    [Tags(ApiTags.DataProtection)]
    [EndpointSummary("Search the personal-data access log")]
    public static async Task<Page<AccessLogEntry>> Get([AsParameters] GetAccessLogQuery query, Npgsql.NpgsqlDataSource database,
        CancellationToken ct)
    {
        await using var select = database.CreateCommand($"""
            select seq, actor, role, record_kind, enrolment_id, setting_urn, at, trace_id from {AccessLog.Table}
            where ($1::uuid is null or enrolment_id = $1) and ($2::text is null or actor = $2) and seq > $3
            order by seq limit $4
            """);
        select.Parameters.Add(new() { Value = (object?)query.EnrolmentId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        select.Parameters.Add(new() { Value = (object?)query.Actor ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        select.Parameters.Add(new() { Value = query.After is { } after ? long.Parse(after, System.Globalization.CultureInfo.InvariantCulture) : 0L });
        select.Parameters.Add(new() { Value = query.Take + 1 });
        var rows = new List<AccessLogEntry>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new AccessLogEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        return rows.ToPage(query.Take, r => r.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
