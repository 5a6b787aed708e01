namespace Dsl.BuildingBlocks.Messaging;

/// <summary>
/// Two messages one handler sends at once about one record (ADR 0042): routed as each of them, except that a batched
/// consumer taking both as one message of its own that it <see cref="TakenInBatches{T}.Combining">combines</see> gets
/// one envelope holding both instead of two. Every other consumer gets each message as if sent alone, in this order.
/// </summary>
public sealed record SentTogether<TFirst, TSecond>(TFirst First, TSecond Second) : ISentTogether
    where TFirst : notnull where TSecond : notnull
{
    object ISentTogether.Part(int index) => index == 0 ? First : Second;
}

internal interface ISentTogether
{
    object Part(int index);
}
