using Dsl.Enrolment.Contracts;
using Dsl.PeerNetwork.Contracts;
using Dsl.PeerNetwork.Members;
using Dsl.PeerNetwork.Sessions;
using Dsl.PeerNetwork.Sets;

namespace Dsl.PeerNetwork.DataProtection;

public static class LeadExportRequestedHandler
{
    /// <summary>PeerNetwork's part: membership and directory listing, the notes the lead wrote, their actions and sets.</summary>
    public static async Task<PeerNetworkLeadExport> Handle(LeadExportRequested request, IQuerySession session, CancellationToken ct)
    {
        var id = request.EnrolmentId;
        var sets = await session.Query<ActionLearningSet>().Where(s => s.Members.Any(m => m.EnrolmentId == id)).ToListAsync(ct);
        return new PeerNetworkLeadExport
        {
            RequestId = request.RequestId, EnrolmentId = id,
            Data = Erasure.ExportJson(new
            {
                member = await session.LoadAsync<NetworkMember>(id, ct),
                notesWritten = await session.Query<SessionNote>().Where(n => n.AuthorEnrolmentId == id).ToListAsync(ct),
                sets = sets.Select(s => new
                {
                    setId = s.Id, s.Name, membership = s.Members.Where(m => m.EnrolmentId == id),
                    attended = s.Sessions.Where(x => x.Attended?.Contains(id) == true).Select(x => x.Number),
                    actions = s.Actions.Where(a => a.OwnerEnrolmentId == id),
                }),
            }),
        };
    }
}
