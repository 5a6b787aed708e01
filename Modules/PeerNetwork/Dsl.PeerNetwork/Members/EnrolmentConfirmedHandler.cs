using Dsl.Enrolment.Contracts;

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
