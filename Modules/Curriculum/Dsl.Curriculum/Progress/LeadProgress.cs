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
}

public sealed record PhaseChange(ProgrammePhase Phase, DateTimeOffset At);
