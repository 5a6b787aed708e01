using Dsl.Enrolment.Contracts;
using Dsl.PeerNetwork.Sets;

namespace Dsl.PeerNetwork.Members;

/// <summary>A transferred lead follows their new cohort; moving to another region moves them to its network and out of their set.</summary>
public static class EnrolmentTransferredHandler
{
    public static async Task<OutgoingMessages> Handle(EnrolmentTransferred transferred, IDocumentSession session, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var member = await session.LoadAsync<NetworkMember>(transferred.EnrolmentId, ct);
        if (member is null) return messages;
        var movedRegion = member.Region != transferred.Region;
        member.Take(transferred);
        session.Store(member);
        if (movedRegion) await SetDepartures.LeaveAsync(transferred.EnrolmentId, session, messages, transferred.OccurredAt, ct);
        return messages;
    }
}
