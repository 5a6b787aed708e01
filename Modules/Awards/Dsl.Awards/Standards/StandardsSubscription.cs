using JasperFx;

namespace Dsl.Awards.Standards;

public enum StandardsStatus { Active, Lapsed }

/// <summary>
/// A setting's subscription to the programme's standards after embedding (award or not): an annual review, each resting
/// on one of its self-assessments with a short statement. The statements live only here (found by enrolment id or URN).
/// </summary>
public sealed class StandardsSubscription : IRevisioned
{
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
    public Guid EnrolmentId { get; set; }
    public string Region { get; set; } = "";
    public StandardsStatus Status { get; set; }
    public DateTimeOffset SubscribedAt { get; set; }
    public DateTimeOffset ReviewDueAt { get; set; }
    public DateTimeOffset? LapsedAt { get; set; }
    public List<AnnualReview> Reviews { get; set; } = [];
    public int Version { get; set; }
}

/// <param name="SelfAssessmentId">The self-assessment the review rests on (one the setting submitted).</param>
public sealed record AnnualReview(Guid SelfAssessmentId, string Statement, DateTimeOffset SubmittedAt);

/// <summary>Standards settings: how often a review is due and how late it may be before the subscription lapses.</summary>
public sealed class StandardsOptions
{
    public TimeSpan ReviewInterval { get; set; } = TimeSpan.FromDays(365);
    public TimeSpan LapseAfter { get; set; } = TimeSpan.FromDays(30);
}
