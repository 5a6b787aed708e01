namespace Dsl.Assessment;

/// <summary>The Assessment module's own Marten store (schema "assessment").</summary>
public interface IAssessmentStore : IDocumentStore;
