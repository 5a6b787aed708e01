using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment.Contracts;
using Dsl.PeerNetwork.Enrolments;
using Dsl.PeerNetwork.Meetings;
using Dsl.PeerNetwork.Members;
using Dsl.PeerNetwork.Sessions;
using Dsl.PeerNetwork.Sets;

namespace Dsl.PeerNetwork;

public static class PeerNetworkModule
{
    public const string Schema = "peer_network";

    public static WolverineOptions AddPeerNetworkModule(this WolverineOptions opts)
    {
        opts.AddModule<IPeerNetworkStore>(Schema, store =>
        {
            store.Schema.For<NetworkMember>().Duplicate(m => m.Region);
            store.Schema.For<NetworkCohort>();
            store.Schema.For<ActionLearningSet>().UseNumericRevisions(true).Duplicate(s => s.Region);
            store.Schema.For<MatchingProposal>();
            store.Schema.For<SessionNote>().Duplicate(n => n.SetId);
            store.Schema.For<NetworkMeeting>().Duplicate(m => m.Region);
            store.Schema.For<NetworkCalendarLink>().UniqueIndex(l => l.TokenHash);
        });
        // Confirmations stand alone (the first makes the member, a later one changes nothing): two batches at a time.
        opts.TakeInBatches<PeerNetworkEnrolmentUpdate>(PeerNetworkEnrolmentUpdate.Queue, ordered: false)
            .From<EnrolmentConfirmed>(confirmed => new(confirmed));
        opts.DeclarePersonalData<IPeerNetworkStore>()
            .Holds<NetworkMember>("directory listing and consent removed; membership stays", "display name and text the lead chose to list",
                "consent to the directory (when given or withdrawn)")
            .Holds<SessionNote>("the notes the lead wrote deleted; others' notes stay", "confidential notes from set sessions")
            .Holds<ActionLearningSet>("the text of the lead's actions replaced by a placeholder; membership and attendance stay",
                "presenters' actions (free text)")
            .Holds<NetworkCalendarLink>("kept: not tied to an enrolment; its maker revokes it", "who made a private meeting-calendar link (user id)")
            .NoPersonalData(typeof(NetworkCohort), typeof(MatchingProposal), typeof(NetworkMeeting));
        return opts;
    }
}
