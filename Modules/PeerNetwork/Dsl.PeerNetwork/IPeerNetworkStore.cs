namespace Dsl.PeerNetwork;

/// <summary>The PeerNetwork module's own Marten store (schema "peer_network").</summary>
public interface IPeerNetworkStore : IDocumentStore;
