using Dsl.BuildingBlocks.Contracts;
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

/// <summary>What every Curriculum event carries: the enrolment it is about (no personal data) and its cohort.</summary>
public abstract record CurriculumIntegrationEvent : IntegrationEvent
{
    public Guid EnrolmentId { get; init; }
    public Guid CohortId { get; init; }
    /// <summary>Academic year id, e.g. "2023-24".</summary>
    public string AcademicYear { get; init; } = "";

    protected override string SubjectId => EnrolmentId.ToString();
}

/// <summary>A lead moved to the next phase of the programme.</summary>
[MessageIdentity("dsl.curriculum.lead-progressed.v1")]
public sealed record LeadProgressed : CurriculumIntegrationEvent
{
    /// <summary>The phase reached: reflectivePlanning, embedding or completed.</summary>
    public ProgrammePhase Phase { get; init; }
}

/// <summary>A lead finished the programme.</summary>
[MessageIdentity("dsl.curriculum.programme-completed.v1")]
public sealed record ProgrammeCompleted : CurriculumIntegrationEvent;
