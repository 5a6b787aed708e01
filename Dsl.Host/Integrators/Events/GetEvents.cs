using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Dsl.Host.Integrators.Events;

public sealed record GetEventsQuery
{
    /// <summary>The nextCursor of the previous page; omit to start from the first event ever recorded.</summary>
    [FromQuery(Name = "after")] public string? After { get; set; }
    /// <summary>Comma-separated CloudEvents types to include, e.g. dsl.enrolment.confirmed.v1; omit for all.</summary>
    [FromQuery(Name = "types")] public string? Types { get; set; }
    /// <summary>Events per page, 1 to 1000 (default 100).</summary>
    [FromQuery(Name = "limit")] public int? Limit { get; set; }

    public const int MaxLimit = 1000;
    public int Take => Limit ?? 100;
    public string[]? TypeList => string.IsNullOrWhiteSpace(Types) ? null : Types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    public long AfterSequence => After is null ? 0 : long.Parse(Cursors.Decode(After)!, CultureInfo.InvariantCulture);

    public sealed class Validator : AbstractValidator<GetEventsQuery>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).InclusiveBetween(1, MaxLimit).When(x => x.Limit is not null)
                .WithMessage($"limit must be between 1 and {MaxLimit}.");
            RuleFor(x => x.After).Must(a => Cursors.IsValid(a, Cursors.IsNumberKey))
                .WithMessage("after is not a cursor this API issued; use the nextCursor of the previous page.");
            RuleFor(x => x.Types).Must((query, _) => query.TypeList is null || query.TypeList.All(Catalogue.IntegrationEventCatalogue.Instance.IsKnown))
                .WithMessage("types may hold only the types listed in /asyncapi/v1.json.");
        }
    }
}

/// <summary>A page of the feed. nextCursor is always set: pass it as ?after= to read on, now or later.</summary>
public sealed record EventFeedPage(IReadOnlyList<CloudEvent> Items, string NextCursor, bool HasMore);

public static class GetEventsEndpoint
{
    /// <summary>
    /// Integration events as CloudEvents, in the order they were recorded, to catch up after downtime or rebuild
    /// from the start (integrator, admin). Each event appears exactly once across pages.
    /// </summary>
    [Authorize(Roles = Roles.IntegratorOrAdmin)]
    [WolverineGet("/api/events", OperationId = "GetEvents")]
    [Tags(ApiTags.Events)]
    [EndpointSummary("Read the integration event feed")]
    public static async Task<EventFeedPage> Get([AsParameters] GetEventsQuery query, NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select seq, cloud_event from {IntegrationEventLog.Events}
            where seq > $1 and ($2::text[] is null or type = any($2))
            order by seq limit $3
            """);
        command.Parameters.Add(new() { Value = query.AfterSequence });
        command.Parameters.Add(new() { Value = (object?)query.TypeList ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = query.Take + 1 });
        var items = new List<CloudEvent>();
        var last = query.AfterSequence;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (items.Count == query.Take) return new EventFeedPage(items, Cursor(last), HasMore: true);
            last = reader.GetInt64(0);
            items.Add(CloudEvent.Parse(reader.GetString(1)));
        }
        return new EventFeedPage(items, Cursor(last), HasMore: false);
    }

    private static string Cursor(long sequence) => Cursors.Encode(sequence.ToString(CultureInfo.InvariantCulture));
}
