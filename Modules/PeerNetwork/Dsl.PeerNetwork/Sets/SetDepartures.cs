using Dsl.PeerNetwork.Contracts;

namespace Dsl.PeerNetwork.Sets;

/// <summary>A lead who left the programme or their region leaves their set; a set left with fewer than five is below minimum.</summary>
public static class SetDepartures
{
    public static async Task LeaveAsync(Guid enrolmentId, IDocumentSession session, OutgoingMessages messages, DateTimeOffset at,
        CancellationToken ct)
    {
        var sets = await session.Query<ActionLearningSet>()
            .Where(s => s.Status != SetStatus.Completed && s.ActiveMemberIds.Contains(enrolmentId)).ToListAsync(ct);
        foreach (var set in sets)
        {
            set.Members.Single(m => m.EnrolmentId == enrolmentId).LeftAt = at;
            set.Reindex();
            if (set.Status == SetStatus.Active && set.ActiveMembers.Count() < SetMatcher.MinimumSize)
            {
                set.Status = SetStatus.BelowMinimum;
                messages.Add(set.Describe(new ActionLearningSetBelowMinimum(), at));
            }
            session.UpdateRevision(set, set.Version + 1);
            set.Version++;
        }
    }
}
