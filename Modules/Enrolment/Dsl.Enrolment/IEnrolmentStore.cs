namespace Dsl.Enrolment;

/// <summary>The Enrolment module's own Marten store (schema "enrolment").</summary>
public interface IEnrolmentStore : IDocumentStore;
