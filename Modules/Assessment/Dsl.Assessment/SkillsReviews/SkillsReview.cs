using JasperFx;

namespace Dsl.Assessment.SkillsReviews;

public enum SkillsReviewStatus
{
    Open,
    Closed,
}

/// <summary>Who a rater is to the lead; only lineManager is not anonymous.</summary>
public enum RaterGroup
{
    LineManager,
    SeniorColleague,
    Peer,
    DirectReport,
    Governor,
    Other,
}

public enum InvitationStatus
{
    Pending,
    Answered,
    Revoked,
}

/// <summary>
/// A lead's 360° management-skills review at the start or end of the programme: their own ratings while open, and the
/// results computed once when it closes. Raters' answers and addresses are separate documents.
/// </summary>
public sealed class SkillsReview : IRevisioned
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public string SettingUrn { get; set; } = "";
    public string Region { get; set; } = "";
    public SkillsReviewStage Stage { get; set; }
    public SkillsReviewStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    /// <summary>When the review closes by itself if the lead has not closed it.</summary>
    public DateTimeOffset Deadline { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>The lead's own rating per statement code (null: cannot say).</summary>
    public Dictionary<string, int?> SelfRatings { get; set; } = [];
    public DateTimeOffset? SelfSubmittedAt { get; set; }
    /// <summary>The results, computed once at close under the anonymity rules (ADR 0025).</summary>
    public SkillsReport? Report { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A rater's single-use link. Holds neither the address (<see cref="RaterContact"/>) nor the answers
/// (<see cref="RaterResponse"/>), so nothing ties an answer to a person. Only the SHA-256 of the token is kept.
/// </summary>
public sealed class RaterInvitation : IRevisioned
{
    public Guid Id { get; set; }
    public Guid ReviewId { get; set; }
    public Guid EnrolmentId { get; set; }
    public RaterGroup Group { get; set; }
    public string TokenHash { get; set; } = "";
    public InvitationStatus Status { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A rater's e-mail address (personal data), apart from everything else; deleted when the review closes.</summary>
public sealed class RaterContact
{
    /// <summary>The invitation id.</summary>
    public Guid Id { get; set; }
    public Guid ReviewId { get; set; }
    public Guid EnrolmentId { get; set; }
    public string Email { get; set; } = "";
}

/// <summary>
/// One rater's answers, with a random id and no time or invitation: only the group is known. Read once, at close,
/// and deleted then; the stored report is all that remains.
/// </summary>
public sealed class RaterResponse
{
    public Guid Id { get; set; }
    public Guid ReviewId { get; set; }
    public Guid EnrolmentId { get; set; }
    public RaterGroup Group { get; set; }
    public Dictionary<string, int?> Ratings { get; set; } = [];
    public List<RaterComment> Comments { get; set; } = [];
}

public sealed record RaterComment(string CompetencyCode, string Text);

/// <summary>The lead's name as Enrolment last sent it (personal data, keyed by enrolment id): the rater sees the first name.</summary>
public sealed class ReviewedLead
{
    public Guid Id { get; set; }
    public string LeadName { get; set; } = "";

    public string FirstName => LeadName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}
