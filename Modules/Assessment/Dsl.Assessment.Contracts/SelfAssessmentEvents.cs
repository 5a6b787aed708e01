using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.Assessment.Contracts;

/// <summary>Which of a setting's self-assessments this is: the first submitted is the baseline, every later one a review.</summary>
public enum SelfAssessmentKind
{
    Baseline,
    Review,
}

/// <summary>What every Assessment event about a lead's setting carries: the enrolment and the setting (no personal data).</summary>
public abstract record AssessmentIntegrationEvent : IntegrationEvent
{
    public Guid EnrolmentId { get; init; }
    public string SettingUrn { get; init; } = "";

    protected override string SubjectId => EnrolmentId.ToString();
}

/// <summary>
/// A setting submitted a self-assessment of its whole-school approach (or of its needs). Carries the level per element
/// and nothing of the evidence or notes.
/// </summary>
[MessageIdentity("dsl.assessment.self-assessment-submitted.v1")]
public sealed record SelfAssessmentSubmitted : AssessmentIntegrationEvent
{
    public Guid SelfAssessmentId { get; init; }
    /// <summary>baseline or review.</summary>
    public SelfAssessmentKind Kind { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    /// <summary>The maturity level (1 notYetStarted … 4 embedded) per element code, e.g. "ethos-and-environment": 2.</summary>
    public IReadOnlyDictionary<string, int> Levels { get; init; } = new Dictionary<string, int>();
}

/// <summary>The cohort's facilitator agreed the setting's action plan.</summary>
[MessageIdentity("dsl.assessment.action-plan-agreed.v1")]
public sealed record ActionPlanAgreed : AssessmentIntegrationEvent
{
    public Guid ActionPlanId { get; init; }
    public DateTimeOffset AgreedAt { get; init; }
    /// <summary>How many actions the plan holds per element code (0 where the plan says none is needed).</summary>
    public IReadOnlyDictionary<string, int> ActionCounts { get; init; } = new Dictionary<string, int>();
}
