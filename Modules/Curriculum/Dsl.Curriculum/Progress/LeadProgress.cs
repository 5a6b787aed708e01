using Dsl.Curriculum.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>A lead's way through the programme's phases, opened when their place is confirmed.</summary>
public sealed class LeadProgress
{
    /// <summary>The enrolment id.</summary>
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
    public Guid CohortId { get; set; }
    public string Region { get; set; } = "";
    public string AcademicYear { get; set; } = "";
    public ProgrammePhase Phase { get; set; }
    /// <summary>False once the lead withdrew or completed.</summary>
    public bool Open { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<PhaseChange> Phases { get; set; } = [];

    /// <summary>"full" or "short" (Tracks), from the enrolment; a deferral of embedding makes it short.</summary>
    public string Track { get; set; } = Tracks.Full;
    /// <summary>Element codes the lead attended (present/late) or caught up at least once, with the first date.</summary>
    public Dictionary<string, DateTimeOffset> CoveredElements { get; set; } = [];
    /// <summary>Workshops missed (absent/apologies) in a row, counting the latest marked workshops; 0 after an attended one.</summary>
    public int MissedInARow { get; set; }
    /// <summary>When Assessment reported the setting's baseline self-assessment for this enrolment.</summary>
    public DateTimeOffset? BaselineSubmittedAt { get; set; }
    /// <summary>When Assessment reported the action plan agreed.</summary>
    public DateTimeOffset? ActionPlanAgreedAt { get; set; }
    /// <summary>Review self-assessments submitted (their submission times).</summary>
    public List<DateTimeOffset> ReviewsSubmittedAt { get; set; } = [];
    /// <summary>When the embedding period ends (set on entering embedding).</summary>
    public DateTimeOffset? EmbeddingEndsAt { get; set; }
    /// <summary>Until when a short-track lead may resume embedding (set on entering embeddingDeferred).</summary>
    public DateTimeOffset? ResumeEmbeddingBy { get; set; }
    /// <summary>The date by which the lead should be in embedding (opened + the configured overdue period).</summary>
    public DateTimeOffset? EmbeddingDueBy { get; set; }
    /// <summary>Set once the reflectivePlanningOverdue flag was sent (once per record).</summary>
    public DateTimeOffset? FlaggedOverdueAt { get; set; }
}

/// <summary>
/// One move to a phase. <see cref="Override"/> is true when an admin or facilitator moved the lead by hand (the
/// manual phase endpoint), with the required <see cref="Reason"/>; evidence-driven moves have neither.
/// </summary>
public sealed record PhaseChange(ProgrammePhase Phase, DateTimeOffset At, bool Override = false, string? Reason = null,
    string? By = null);
