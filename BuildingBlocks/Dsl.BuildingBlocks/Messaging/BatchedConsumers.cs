using Dsl.BuildingBlocks.Http;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Npgsql;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime;
using Wolverine.Runtime.Batching;
using Wolverine.Runtime.Handlers;

namespace Dsl.BuildingBlocks.Messaging;

/// <summary>
/// How a message is handled in batches (ADR 0036; today the integration event log): <c>opts.BatchMessagesOf&lt;T&gt;(
/// BatchedConsumers.Configure&lt;T&gt;)</c> and a <c>Handle(T[])</c> doing the whole batch in one transaction. A message
/// still arrives on a durable queue and is settled only when its batch commits, so a crash loses nothing; the handler
/// stays idempotent, as a batch may be run again. A batched message has one consumer: Wolverine hands a batch on to
/// several consumers' queues outside any transaction, and gives up doing so while the database is away.
/// </summary>
public static class BatchedConsumers
{
    /// <summary>How long a message waits for company: under load a batch fills while the one before it commits.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(10);

    public const int MaxBatch = 200;

    public static void Configure<T>(BatchingOptions batching)
    {
        batching.TriggerTime = Window;
        batching.BatchSize = MaxBatch;
        batching.Batcher = new TracedBatcher<T>();
    }

    /// <summary>
    /// A consumer that takes <typeparamref name="T"/> in batches, a batch per transaction, from its own durable queue;
    /// other messages reach it as a <typeparamref name="T"/> through <see cref="TakenInBatches{T}.From{TMessage}"/>
    /// (converted as they are sent, ADR 0038). <paramref name="ordered"/>: one batch at a time, in the order they were
    /// sent — needed unless every message stands alone (no later one overwrites or completes an earlier one).
    /// </summary>
    public static TakenInBatches<T> TakeInBatches<T>(this WolverineOptions opts, string queue, bool ordered = true)
    {
        opts.Publish(rule => rule.Message<T>().ToLocalQueue(queue));
        var local = opts.BatchMessagesOf<T>(batching =>
        {
            Configure<T>(batching);
            batching.LocalExecutionQueueName = queue;
        });
        if (ordered) local.Sequential();
        return new(SentAs.In(opts));
    }

    /// <summary>Every chain that handles a batch (<c>T[]</c>), the per-endpoint copies of a chain included.</summary>
    public static IEnumerable<HandlerChain> BatchedChains(IReadOnlyList<HandlerChain> chains) =>
        chains.SelectMany(c => c.ByEndpoint.Append(c)).Distinct().Where(c => c.MessageType.IsArray);

    /// <summary>
    /// Failures the host's policies already retry, the whole batch again (the database away, a transient error, a race
    /// on a stream); anything else is taken to be a message the handler cannot take.
    /// </summary>
    public static bool IsRetried(Exception exception) =>
        DatabaseUnavailable.Is(exception) || exception is NpgsqlException { IsTransient: true }
            or ConcurrencyException or EventStreamUnexpectedMaxEventIdException;
}

/// <summary>What else a batched consumer takes, each converted into its <typeparamref name="T"/> as it is sent.</summary>
public sealed class TakenInBatches<T>(SentAs sentAs)
{
    /// <summary>Every <typeparamref name="TMessage"/> sent, whoever sends it, also goes to this consumer as a <typeparamref name="T"/>.</summary>
    public TakenInBatches<T> From<TMessage>(Func<TMessage, T> convert) =>
        FromEvery(type => type == typeof(TMessage), message => convert((TMessage)message), $"taken in batches as {typeof(T).FullName}");

    /// <summary>Every message of a type <paramref name="applies"/> says yes to, converted by <paramref name="convert"/>.</summary>
    public TakenInBatches<T> FromEvery(Func<Type, bool> applies, Func<object, T> convert, string description)
    {
        sentAs.Add(applies, typeof(T), message => convert(message)!, description);
        return this;
    }

    /// <summary>
    /// Two messages <see cref="SentTogether{TFirst,TSecond}">sent together</see> that both convert to a
    /// <typeparamref name="T"/> reach this consumer as one, made by <paramref name="combine"/> (ADR 0042): one
    /// envelope instead of two. The handler must then apply everything the combined message holds.
    /// </summary>
    public TakenInBatches<T> Combining(Func<T, T, T> combine)
    {
        sentAs.Combine(typeof(T), (first, second) => combine((T)first, (T)second)!);
        return this;
    }
}

/// <summary>
/// Makes each batch one unit of work in the traces: the batch continues the trace of its first message, so a single
/// message (the usual case off-peak, and in tests) is traced end to end as if it had not been batched; the batch's
/// size is tagged (<c>dsl.batch_size</c>). The others' traces end where they were handed to the batch.
/// </summary>
public sealed class TracedBatcher<T> : IMessageBatcher
{
    public IEnumerable<Envelope> Group(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0) yield break;
        var messages = envelopes.Select(e => e.Message).OfType<T>().ToArray();
        yield return new Envelope(messages, envelopes) { ParentId = envelopes[0].ParentId };
    }

    public Type BatchMessageType => typeof(T[]);
}

/// <summary>
/// A batch that fails with something no retry will cure is split: each of its messages is sent again on its own, to
/// the same queue, so only the one that fails alone is dead-lettered and the rest are handled. Applies to every
/// batched handler; and a batched message may have only one consumer.
/// </summary>
public sealed class IsolatePoisonedBatchMembers : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.MessageType.IsArray && c.ByEndpoint.Count > 1))
            throw new InvalidOperationException(
                $"{chain.MessageType.Name} is handled by {string.Join(", ", chain.ByEndpoint.Select(c => c.Handlers[0].HandlerType.FullName))}: a batched " +
                "message has one consumer, as a batch handed on to several queues is not persisted in a transaction (ADR 0036)");
        foreach (var chain in BatchedConsumers.BatchedChains(chains))
            chain.OnException(e => !BatchedConsumers.IsRetried(e), "not a failure a retry cures")
                .CustomAction(SplitAsync, "send each message of the batch again on its own; dead-letter a single one");
    }

    private static async ValueTask SplitAsync(IWolverineRuntime runtime, IEnvelopeLifecycle lifecycle, Exception exception)
    {
        var envelope = lifecycle.Envelope!;
        if (envelope.Message is not Array { Length: > 1 } batch || envelope.Destination is null)
        {
            await lifecycle.MoveToDeadLetterQueueAsync(exception);
            return;
        }
        var endpoint = lifecycle.EndpointFor(envelope.Destination);
        foreach (var message in batch)
        {
            var single = Array.CreateInstance(batch.GetType().GetElementType()!, 1);
            single.SetValue(message, 0);
            await endpoint.SendAsync(single);
        }
        await lifecycle.FlushOutgoingMessagesAsync();
        await lifecycle.CompleteAsync();
    }
}
