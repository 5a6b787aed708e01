using Dsl.Enrolment.Contracts;

namespace Dsl.PeerNetwork.Members;

/// <summary>A confirmed lead joins their region's peer network (idempotent on redelivery).</summary>
public static class EnrolmentConfirmedHandler
{
    public static async Task<IMartenOp> Handle(EnrolmentConfirmed confirmed, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<NetworkMember>(confirmed.EnrolmentId, ct) is not null) return MartenOps.Nothing();
        var member = new NetworkMember { Id = confirmed.EnrolmentId, JoinedAt = confirmed.OccurredAt };
        member.Take(confirmed);
        return MartenOps.Insert(member);
    }
}
