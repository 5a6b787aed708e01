using Dsl.Enrolment.Contracts;

namespace Dsl.PeerNetwork.Members;

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
