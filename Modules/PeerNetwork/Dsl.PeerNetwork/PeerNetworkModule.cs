namespace Dsl.PeerNetwork;

public static class PeerNetworkModule
{
    public const string Schema = "peer_network";

    public static WolverineOptions AddPeerNetworkModule(this WolverineOptions opts)
    {
        opts.AddModule<IPeerNetworkStore>(Schema);
        return opts;
    }
}
