using JasperFx;

namespace Dsl.Awards.Applications;

public enum ApplicationKind { Award, Renewal }

public enum ApplicationStatus { Draft, Submitted, UnderReview, MoreEvidenceRequested, Awarded, NotAwarded, Withdrawn }

public enum JudgementOutcome { Met, NotYetMet }

/// <summary>
/// A setting's application for the award (or its renewal): per element a statement of impact with evidence, then the
/// assessor's judgements, evidence requests and decision. Statements, evidence, comments and feedback are text about
/// the setting that may name people, so they live only here (found by <see cref="EnrolmentId"/> or setting URN).
/// </summary>
public sealed class AwardApplication : IRevisioned
{
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
    /// <summary>The setting's enrolment when the application was made.</summary>
    public Guid EnrolmentId { get; set; }
    public string Region { get; set; } = "";
    public ApplicationKind Kind { get; set; }
    public ApplicationStatus Status { get; set; }
    public string CriteriaVersion { get; set; } = "";
    /// <summary>For a renewal: the award it renews (the new one starts where it ends).</summary>
    public Guid? RenewsAwardId { get; set; }
    public Dictionary<string, ElementStatement> Elements { get; set; } = [];
    public string? AssessorId { get; set; }
    public Dictionary<string, Judgement> Judgements { get; set; } = [];
    public List<EvidenceRequest> EvidenceRequests { get; set; } = [];
    public string? Feedback { get; set; }
    public Guid? AwardId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int Version { get; set; }

    public bool IsOpen => Status is not (ApplicationStatus.Awarded or ApplicationStatus.NotAwarded or ApplicationStatus.Withdrawn);
}

/// <summary>An element's statement of impact and its evidence.</summary>
public sealed record ElementStatement(string Statement, IReadOnlyList<EvidenceItem> Evidence, DateTimeOffset UpdatedAt);

/// <param name="Link">Optional https link to the evidence (a document, a page of the setting's website).</param>
/// <param name="Date">When the evidence dates from.</param>
public sealed record EvidenceItem(string Title, string Description, string? Link, DateOnly Date);

public sealed record Judgement(JudgementOutcome Outcome, string? Comment, string AssessorId, DateTimeOffset JudgedAt);

/// <summary>What the assessor asked for; answered when the setting resubmits.</summary>
public sealed record EvidenceRequest(string Missing, IReadOnlyList<string> ElementCodes, DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt);
