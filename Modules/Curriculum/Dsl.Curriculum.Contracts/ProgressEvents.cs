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
    /// <summary>A short-track lead finished reflective/planning and does the embedding phase later (added December 2026).</summary>
    EmbeddingDeferred,
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

/// <summary>
/// A lead finished the programme: the full programme, or a short track's learning and reflective/planning phases.
/// Schema version 2 added <see cref="Track"/> (December 2026); events of version 1 are full-track completions.
/// </summary>
[MessageIdentity("dsl.curriculum.programme-completed.v1")]
public sealed record ProgrammeCompleted : CurriculumIntegrationEvent
{
    public const int CurrentSchemaVersion = 2;

    public ProgrammeCompleted() => SchemaVersion = CurrentSchemaVersion;

    /// <summary>"full" (all phases, embedding included) or "short" (embedding deferred). Absent before schema version 2: full.</summary>
    public string Track { get; init; } = Tracks.Full;
}

/// <summary>The programme's tracks as the events name them.</summary>
public static class Tracks
{
    public const string Full = "full";
    public const string Short = "short";
}
