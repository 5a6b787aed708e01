using Dsl.Enrolment.Contracts;

namespace Dsl.PeerNetwork.Members;

/// <summary>A withdrawn lead leaves the peer network.</summary>
public static class EnrolmentWithdrawnHandler
{
    public static IMartenOp Handle(EnrolmentWithdrawn withdrawn) => MartenOps.Delete<NetworkMember>(withdrawn.EnrolmentId);
}
