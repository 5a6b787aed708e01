using JasperFx;

namespace Dsl.Assessment.SelfAssessments;

/// <summary>wholeSchool: the setting rates the approach it has; none: it has none yet and records a needs assessment.</summary>
public enum Approach
{
    WholeSchool,
    None,
}

public enum SelfAssessmentStatus
{
    Draft,
    Submitted,
}

public enum NeedPriority
{
    High,
    Medium,
    Low,
}

/// <summary>A setting's self-assessment across the eight elements: a draft until submitted, then immutable.</summary>
public sealed class SelfAssessment : IRevisioned
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public string SettingUrn { get; set; } = "";
    public Guid CohortId { get; set; }
    public Approach Approach { get; set; }
    public SelfAssessmentStatus Status { get; set; }
    /// <summary>Set on submission: the setting's first is the baseline, every later one a review.</summary>
    public SelfAssessmentKind? Kind { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>The rating per element code.</summary>
    public Dictionary<string, ElementRating> Elements { get; set; } = [];
    /// <summary>For reads: when the next review is due (embedding only).</summary>
    public DateTimeOffset? NextReviewDue { get; set; }
    public bool ReviewOverdue { get; set; }
    public int Version { get; set; }
}

/// <param name="Level">1 notYetStarted, 2 emerging, 3 developing, 4 embedded.</param>
/// <param name="Evidence">What is in place (whole-school approach).</param>
/// <param name="Need">What the setting needs (needs assessment).</param>
/// <param name="PromptNotes">Optional notes per guiding prompt id.</param>
public sealed record ElementRating(int Level, string? Evidence, string? Need, NeedPriority? Priority,
    Dictionary<string, string>? PromptNotes);
