using JasperFx;

namespace Dsl.Assessment.Profiles;

public enum TrainingKind
{
    Inset,
    Twilight,
    Online,
    External,
}

/// <summary>
/// The lead's role and remit in a setting, its wellbeing champions and staff training log (one per setting, keyed by
/// URN). Champions' names are staff personal data: they live only here, where an erasure can reach them.
/// </summary>
public sealed class LeadProfile : IRevisioned
{
    public string Id { get; set; } = "";
    public string? RemitStatement { get; set; }
    /// <summary>How the lead reports into the senior leadership team, e.g. "Member of SLT" or "Reports to the deputy head".</summary>
    public string? SltLine { get; set; }
    public double? HoursPerWeek { get; set; }
    public bool HeadEndorsedRemit { get; set; }
    public DateOnly? HeadEndorsedOn { get; set; }
    public List<WellbeingChampion> WellbeingChampions { get; set; } = [];
    public List<TrainingSession> TrainingLog { get; set; } = [];
    public int Version { get; set; }
}

public sealed record WellbeingChampion(string Name, string Role);

public sealed record TrainingSession(Guid Id, DateOnly Date, TrainingKind Kind, string Topic, IReadOnlyList<string> Elements,
    int StaffAttending, double Hours);
