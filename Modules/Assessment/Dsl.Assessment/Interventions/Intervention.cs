namespace Dsl.Assessment.Interventions;

public enum InterventionProvider
{
    School,
    Mhst,
    Cypmhs,
    VoluntarySector,
    Other,
}

/// <summary>
/// One intervention the setting runs or hosts, in aggregate only: a count of pupils reached and mean scores before and
/// after. There is deliberately no field that could hold a pupil's identity.
/// </summary>
public sealed class Intervention
{
    public Guid Id { get; set; }
    public string SettingUrn { get; set; } = "";
    public string Name { get; set; } = "";
    public Provision.ProvisionTier Tier { get; set; }
    public InterventionProvider Provider { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int PupilsReached { get; set; }
    /// <summary>e.g. SDQ, RCADS, WEMWBS, goal-based outcomes.</summary>
    public string? OutcomeMeasure { get; set; }
    public AggregateResult? Before { get; set; }
    public AggregateResult? After { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <param name="Mean">The mean score.</param>
/// <param name="N">How many pupils the mean is over.</param>
public sealed record AggregateResult(double Mean, int N);
