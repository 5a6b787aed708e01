using Wolverine.Attributes;

namespace Dsl.Curriculum.Contracts;

/// <summary>The programme phases a lead moves through.</summary>
public enum ProgrammePhase
{
    Learning,
    ReflectivePlanning,
    Embedding,
    Completed,
}

/// <summary>A lead moved to the next phase of the programme.</summary>
[MessageIdentity("dsl.curriculum.lead-progressed.v1")]
public sealed record LeadProgressed(Guid EnrolmentId, ProgrammePhase Phase, DateTimeOffset OccurredAt);

/// <summary>A lead finished the programme.</summary>
[MessageIdentity("dsl.curriculum.programme-completed.v1")]
public sealed record ProgrammeCompleted(Guid EnrolmentId, DateTimeOffset OccurredAt);
