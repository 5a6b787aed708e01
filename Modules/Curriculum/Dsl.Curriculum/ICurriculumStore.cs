namespace Dsl.Curriculum;

/// <summary>The Curriculum module's own Marten store (schema "curriculum").</summary>
public interface ICurriculumStore : IDocumentStore;
