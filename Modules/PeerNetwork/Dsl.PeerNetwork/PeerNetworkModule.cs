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
        return opts;
    }
}
