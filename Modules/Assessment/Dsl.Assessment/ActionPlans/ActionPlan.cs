using JasperFx;

namespace Dsl.Assessment.ActionPlans;

public enum ActionPlanStatus
{
    Draft,
    Submitted,
    ChangesRequested,
    Agreed,
}

public enum ActionStatus
{
    NotStarted,
    InProgress,
    Done,
    Blocked,
    Dropped,
}

/// <summary>Who takes part in an action: the setting's own people, or an external service.</summary>
public enum StakeholderKind
{
    SeniorLeadershipTeam,
    Governors,
    TeachingStaff,
    SupportStaff,
    PupilsStudents,
    ParentsCarers,
    Senco,
    DesignatedSafeguardingLead,
    PastoralTeam,
    WellbeingChampions,
    Mhst,
    Cypmhs,
    LocalAuthority,
    VoluntarySector,
    SchoolNursing,
    EducationalPsychology,
    Gp,
    Other,
}

/// <summary>The setting's action plan over the eight elements, agreed with the cohort's facilitator.</summary>
public sealed class ActionPlan : IRevisioned
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public string SettingUrn { get; set; } = "";
    public Guid CohortId { get; set; }
    public ActionPlanStatus Status { get; set; }
    public List<PlanAction> Actions { get; set; } = [];
    /// <summary>Per element code with no action: why none is needed.</summary>
    public Dictionary<string, string> NoActionNeeded { get; set; } = [];
    public List<PlanComment> Comments { get; set; } = [];
    /// <summary>Actions added or dropped after the plan was agreed.</summary>
    public List<PlanRevision> Revisions { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? AgreedAt { get; set; }
    public int Version { get; set; }
}

public sealed class PlanAction
{
    public Guid Id { get; set; }
    public string ElementCode { get; set; } = "";
    public string Description { get; set; } = "";
    public ActionOwner? Owner { get; set; }
    public List<Stakeholder> Stakeholders { get; set; } = [];
    public DateOnly? DueOn { get; set; }
    public string? SuccessMeasure { get; set; }
    public ActionStatus Status { get; set; }
    public List<ProgressNote> Notes { get; set; } = [];
}

/// <param name="Role">The owner's role, e.g. "Head of PSHE".</param>
/// <param name="Name">Optionally the person (personal data, kept only here).</param>
public sealed record ActionOwner(string Role, string? Name);

/// <param name="Name">Required for kind other: who it is.</param>
public sealed record Stakeholder(StakeholderKind Kind, string? Name);

public sealed record ProgressNote(DateTimeOffset At, string Text);

/// <param name="Kind">changesRequested or agreed.</param>
public sealed record PlanComment(DateTimeOffset At, string Kind, string Text);

/// <param name="Change">actionAdded or actionDropped.</param>
public sealed record PlanRevision(int Number, DateTimeOffset At, string Change, Guid ActionId, string ElementCode);
