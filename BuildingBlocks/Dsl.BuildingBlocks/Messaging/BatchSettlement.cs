using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten;
using Marten.Services;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.RDBMS;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace Dsl.BuildingBlocks.Messaging;

/// <summary>
/// Marks a batch's messages handled in the batch's own transaction, with one statement, as Wolverine does for a single
/// message in a Marten transaction. Left to itself, Wolverine marks each member of a batch after the batch commits, one
/// update and one round trip per message (11.6 per submit + endorse at 32 clients), outside the transaction: a crash
/// between the two only runs the batch again, which its handler takes (ADR 0040). The members are flagged handled in
/// memory only once the commit succeeded, so a rolled-back attempt leaves them for Wolverine, as before.
/// </summary>
public sealed class SettleBatchMembersInTransaction : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in BatchedConsumers.BatchedChains(chains))
            chain.Middleware.Add(new MethodCall(typeof(BatchSettlement), nameof(BatchSettlement.SettleOnCommit)));
    }
}

public static class BatchSettlement
{
    // A batch envelope's members are internal to Wolverine (6.62: Envelope.Batch, as Wolverine's generated batch code
    // reads them through BatchContext); checked when the host starts, so an upgrade that moves them fails loudly.
    private static readonly Func<Envelope, Envelope[]?> MembersOf =
        typeof(Envelope).GetProperty("Batch", BindingFlags.Instance | BindingFlags.NonPublic) is { PropertyType: var type } property
        && type == typeof(Envelope[])
            ? property.GetMethod!.CreateDelegate<Func<Envelope, Envelope[]?>>()
            : throw new InvalidOperationException("Envelope.Batch is gone: see ADR 0040 before upgrading Wolverine");

    /// <summary>The middleware of every batched handler: queues the members' update into the handler's session.</summary>
    public static void SettleOnCommit(Envelope envelope, IDocumentSession session, IWolverineRuntime runtime)
    {
        // Every member's row is in the host's one envelope table: DSL's modules share one database and Wolverine's
        // schema (ModuleRegistration; MessagingTests checks no other envelope table exists). Without a message database
        // the batch is left to Wolverine.
        if (MembersOf(envelope) is not { Length: > 0 } members || runtime.Storage is not IMessageDatabase database) return;
        var persisted = members.Where(m => m.WasPersistedInInbox && m.Destination is not null).ToArray();
        if (persisted.Length == 0) return;
        session.QueueSqlCommand(
            $"""
             update {database.TableNameFor(DatabaseConstants.IncomingTable)} set {DatabaseConstants.Status} = '{EnvelopeStatus.Handled}',
                 {DatabaseConstants.KeepUntil} = ?, {DatabaseConstants.OwnerId} = 0
             where ({DatabaseConstants.Id}, {DatabaseConstants.ReceivedAt}) in (select * from unnest(?::uuid[], ?::text[]))
             """,
            DateTimeOffset.UtcNow.Add(runtime.Options.Durability.KeepAfterMessageHandling),
            persisted.Select(m => m.Id).ToArray(), persisted.Select(m => m.Destination!.ToString()).ToArray());
        session.Listeners.Add(new FlagHandledOnCommit(persisted));
    }

    /// <summary>Wolverine skips marking a member already flagged handled: true only once the batch has committed.</summary>
    private sealed class FlagHandledOnCommit(Envelope[] members) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            foreach (var member in members) member.Status = EnvelopeStatus.Handled;
            return Task.CompletedTask;
        }
    }
}
