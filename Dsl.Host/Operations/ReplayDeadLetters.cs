using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;

namespace Dsl.Host.Operations;

/// <summary>How many dead letters were put back to be processed again.</summary>
public sealed record ReplayedDeadLetters(int Replayed);

public static class ReplayDeadLetterEndpoint
{
    /// <summary>
    /// Puts one dead-lettered message back on its queue (admin), once the cause is fixed. It is processed again
    /// within seconds; if it fails again it returns to the dead letters.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/ops/dead-letters/{id}/replay", OperationId = "ReplayDeadLetter")]
    [Tags(ApiTags.Operations)]
    [EndpointSummary("Replay a dead letter")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public static async Task<IResult> Post(Guid id, IMessageStore store, CancellationToken ct)
    {
        if (await store.DeadLetters.DeadLetterEnvelopeByIdAsync(id) is null)
            return Results.Problem(Problems.NotFound($"There is no dead-lettered message {id}."));
        await store.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery([id]), ct);
        return TypedResults.Accepted("/api/ops/dead-letters", new ReplayedDeadLetters(1));
    }
}

public static class ReplayDeadLettersEndpoint
{
    /// <summary>Puts every dead-lettered message (or every one of ?messageType=) back on its queue (admin).</summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverinePost("/api/ops/dead-letters/replay", OperationId = "ReplayDeadLetters")]
    [Tags(ApiTags.Operations)]
    [EndpointSummary("Replay all dead letters")]
    [ProducesResponseType<ReplayedDeadLetters>(StatusCodes.Status202Accepted)]
    public static async Task<IResult> Post([FromQuery(Name = "messageType")] string? messageType, IMessageStore store, CancellationToken ct)
    {
        var query = new DeadLetterEnvelopeQuery { MessageType = messageType, PageSize = 1 };
        var count = (await store.DeadLetters.QueryAsync(query, ct)).TotalCount;
        await store.DeadLetters.ReplayAsync(new DeadLetterEnvelopeQuery { MessageType = messageType }, ct);
        return TypedResults.Accepted("/api/ops/dead-letters", new ReplayedDeadLetters(count));
    }
}
