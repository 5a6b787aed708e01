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
        var kinds = new List<string>();
        if (await session.LoadAsync<NetworkMember>(id, ct) is { Directory: not null } member)
        {
            member.Directory = null;
            session.Store(member);
            kinds.Add("directoryListing");
        }

        var notes = await session.Query<SessionNote>().Where(n => n.AuthorEnrolmentId == id).ToListAsync(ct);
        foreach (var note in notes) session.Delete(note);
        if (notes.Count > 0) kinds.Add("setNotes");

        var sets = await session.Query<ActionLearningSet>().Where(s => s.Actions.Any(a => a.OwnerEnrolmentId == id)).ToListAsync(ct);
        foreach (var set in sets)
            foreach (var action in set.Actions.Where(a => a.OwnerEnrolmentId == id))
                action.What = Erasure.Placeholder;
        session.Store(sets.ToArray());
        if (sets.Count > 0) kinds.Add("setActions");

        return new PeerNetworkLeadErased { RequestId = request.RequestId, EnrolmentId = id, Kinds = kinds };
    }
}
