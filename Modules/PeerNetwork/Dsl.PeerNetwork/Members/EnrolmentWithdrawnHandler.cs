using Dsl.Enrolment.Contracts;
using Dsl.PeerNetwork.Sets;

namespace Dsl.PeerNetwork.Members;

/// <summary>A withdrawn lead leaves the peer network (and its directory) and their action learning set.</summary>
public static class EnrolmentWithdrawnHandler
{
    public static async Task<OutgoingMessages> Handle(EnrolmentWithdrawn withdrawn, IDocumentSession session, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        session.Delete<NetworkMember>(withdrawn.EnrolmentId);
        await SetDepartures.LeaveAsync(withdrawn.EnrolmentId, session, messages, withdrawn.OccurredAt, ct);
        return messages;
    }
}
