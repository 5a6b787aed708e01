namespace Dsl.Awards;

/// <summary>The Awards module's own Marten store (schema "awards").</summary>
public interface IAwardsStore : IDocumentStore;
