using Dsl.Enrolment.Contracts;
using Marten;
using Wolverine.Marten;

namespace Dsl.PeerNetwork.Members;

/// <summary>A confirmed lead joins their region's peer network (idempotent on redelivery).</summary>
public static class EnrolmentConfirmedHandler
{
    public static async Task<IMartenOp> Handle(EnrolmentConfirmed confirmed, IDocumentSession session, CancellationToken ct) =>
        await session.LoadAsync<NetworkMember>(confirmed.EnrolmentId, ct) is not null
            ? MartenOps.Nothing()
            : MartenOps.Insert(new NetworkMember
            {
                Id = confirmed.EnrolmentId, SettingUrn = confirmed.SettingUrn, Region = confirmed.Region,
                AcademicYear = confirmed.AcademicYear, CohortId = confirmed.CohortId, JoinedAt = confirmed.OccurredAt,
            });
}

/// <summary>A withdrawn lead leaves the peer network.</summary>
public static class EnrolmentWithdrawnHandler
{
    public static IMartenOp Handle(EnrolmentWithdrawn withdrawn) => MartenOps.Delete<NetworkMember>(withdrawn.EnrolmentId);
}

/// <summary>A transferred lead follows their new cohort.</summary>
public static class EnrolmentTransferredHandler
{
    public static async Task<IMartenOp> Handle(EnrolmentTransferred transferred, IDocumentSession session, CancellationToken ct)
    {
        var member = await session.LoadAsync<NetworkMember>(transferred.EnrolmentId, ct);
        if (member is null) return MartenOps.Nothing();
        member.CohortId = transferred.CohortId;
        member.AcademicYear = transferred.AcademicYear;
        return MartenOps.Store(member);
    }
}
