using Dsl.BuildingBlocks.Contracts;
using Wolverine.Attributes;

namespace Dsl.Assessment.Contracts;

/// <summary>Whether a lead's management-skills review is the one at the start of the programme or at its end.</summary>
public enum SkillsReviewStage
{
    Start,
    End,
}

/// <summary>
/// A lead invited a rater to their 360° management-skills review: a message an e-mail integration can act on. It
/// carries the review and invitation ids only, never the rater's address or the link (both stay in DSL).
/// </summary>
[MessageIdentity("dsl.assessment.rater-invited.v1")]
public sealed record RaterInvited : IntegrationEvent
{
    public Guid ReviewId { get; init; }
    public Guid InvitationId { get; init; }

    protected override string SubjectId => ReviewId.ToString();
}

/// <summary>
/// A lead's end-of-programme management-skills review closed with a development plan in place. No scores: they are
/// personal data about the lead.
/// </summary>
[MessageIdentity("dsl.assessment.skills-review-completed.v1")]
public sealed record SkillsReviewCompleted : AssessmentIntegrationEvent
{
    public Guid ReviewId { get; init; }
    public SkillsReviewStage Stage { get; init; }
}
