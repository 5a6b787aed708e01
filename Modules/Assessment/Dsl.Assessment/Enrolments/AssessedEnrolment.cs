namespace Dsl.Assessment.Enrolments;

/// <summary>Assessment's own copy of an enrolment (from Enrolment's and Curriculum's events): its setting, cohort and phase.</summary>
public sealed class AssessedEnrolment
{
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
    public Guid CohortId { get; set; }
    public string Region { get; set; } = "";
    public string AcademicYear { get; set; } = "";
    public bool Withdrawn { get; set; }
    /// <summary>The lead reached the embedding phase: from then on a review is due at least termly.</summary>
    public bool InEmbedding { get; set; }
    public DateTimeOffset? LastSubmittedAt { get; set; }
    public DateTimeOffset? NextReviewDue { get; set; }
    /// <summary>The review fell due unsubmitted and the enrolment was flagged at risk (reviewOverdue).</summary>
    public bool ReviewOverdue { get; set; }
}

/// <summary>Assessment's own copy of a cohort: who facilitates it (they read, comment on and agree its settings' plans).</summary>
public sealed class AssessedCohort
{
    public Guid Id { get; set; }
    public string? FacilitatorId { get; set; }
    public int Revision { get; set; }
}

/// <summary>An assessor's read access to a setting's records while an award application of it is assigned to them.</summary>
public sealed class AssessorGrant
{
    /// <summary>The award application id.</summary>
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
    public string AssessorId { get; set; } = "";
    public bool Open { get; set; }
}
