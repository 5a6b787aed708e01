using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Dsl.Host.Operations;

/// <summary>A message that failed for good: what it was, where it was going and why it failed (never its body).</summary>
public sealed record DeadLetterView(Guid Id, string MessageType, string Destination, string ExceptionType, string ExceptionMessage,
    DateTimeOffset SentAt, bool ReplayRequested);

/// <summary>One page of dead letters, newest first; pass nextPage for the next one.</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetterView> Items, int TotalCount, int? NextPage);

public sealed record GetDeadLettersQuery
{
    /// <summary>Only messages of this type, e.g. dsl.enrolment.confirmed.v1.</summary>
    [FromQuery(Name = "messageType")] public string? MessageType { get; set; }
    /// <summary>Page number from 0 (default 0).</summary>
    [FromQuery(Name = "page")] public int? Page { get; set; }
    /// <summary>Items per page, 1 to 200 (default 50).</summary>
    [FromQuery(Name = "limit")] public int? Limit { get; set; }

    public sealed class Validator : AbstractValidator<GetDeadLettersQuery>
    {
        public Validator()
        {
            RuleFor(x => x.Page).GreaterThanOrEqualTo(0).When(x => x.Page is not null).WithMessage("page must be 0 or more.");
            RuleFor(x => x.Limit).InclusiveBetween(1, 200).When(x => x.Limit is not null).WithMessage("limit must be between 1 and 200.");
        }
    }
}

public static class GetDeadLettersEndpoint
{
    /// <summary>Messages any module's handler could not process after its retries (admin), with the error.</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverineGet("/api/ops/dead-letters", OperationId = "GetDeadLetters")]
    [Tags(ApiTags.Operations)]
    [EndpointSummary("List dead letters")]
    public static async Task<DeadLetterPage> Get([AsParameters] GetDeadLettersQuery query, IMessageStore store, CancellationToken ct)
    {
        var limit = query.Limit ?? 50;
        var page = query.Page ?? 0;
        var results = await store.DeadLetters.QueryAsync(
            new DeadLetterEnvelopeQuery { MessageType = query.MessageType, PageNumber = page, PageSize = limit }, ct);
        var items = results.Envelopes.Select(e => new DeadLetterView(e.Id, e.MessageType, e.ReceivedAt, e.ExceptionType,
            e.ExceptionMessage, e.SentAt, e.Replayable)).ToList();
        return new DeadLetterPage(items, results.TotalCount, (page + 1) * limit < results.TotalCount ? page + 1 : null);
    }
}
