using Dsl.Enrolment.Contracts;
using Dsl.PeerNetwork.Contracts;
using Dsl.PeerNetwork.Members;
using Dsl.PeerNetwork.Sessions;
using Dsl.PeerNetwork.Sets;

namespace Dsl.PeerNetwork.DataProtection;

public static class LeadErasureRequestedHandler
{
    /// <summary>
    /// Removes the lead's directory listing and consent, deletes the confidential set notes they wrote (the set's other
    /// notes stay) and anonymises their actions' text. Membership, attendance and presenters stay, so sets and their
    /// counts hold. Idempotent.
    /// </summary>
    public static async Task<PeerNetworkLeadErased> Handle(LeadErasureRequested request, IDocumentSession session, CancellationToken ct)
    {
        var id = request.EnrolmentId;
        var erased = new ErasedKinds(session);
        await erased.AnonymiseAsync<NetworkMember>("directoryListing", m => m.Id == id && m.Directory != null, m => m.Directory = null, ct);
        await erased.DeleteAsync<SessionNote>("setNotes", n => n.AuthorEnrolmentId == id, ct);
        await erased.AnonymiseAsync<ActionLearningSet>("setActions", s => s.Actions.Any(a => a.OwnerEnrolmentId == id), s =>
        {
            foreach (var action in s.Actions.Where(a => a.OwnerEnrolmentId == id)) action.What = Erasure.Placeholder;
        }, ct);
        return new PeerNetworkLeadErased { RequestId = request.RequestId, EnrolmentId = id, Kinds = erased.Kinds };
    }
}
