using JasperFx;

namespace Dsl.Assessment.DevelopmentPlans;

public enum DevelopmentItemStatus
{
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

/// <summary>
/// The lead's personal development plan from their management-skills reviews, one per enrolment (its id), worked
/// on by the lead and their coach. Personal data about the lead, found by enrolment id.
/// </summary>
public sealed class DevelopmentPlan : IRevisioned
{
    /// <summary>The enrolment id.</summary>
    public Guid Id { get; set; }
    public List<DevelopmentItem> Items { get; set; } = [];
    public int Version { get; set; }
}

public sealed class DevelopmentItem
{
    public Guid Id { get; set; }
    public string CompetencyCode { get; set; } = "";
    public string Action { get; set; } = "";
    public string SuccessMeasure { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DevelopmentItemStatus Status { get; set; }
    public List<DatedNote> Notes { get; set; } = [];
}

/// <param name="By">Who wrote it: lead or coach.</param>
public sealed record DatedNote(DateTimeOffset At, string By, string Text);

internal static class DevelopmentPlans
{
    public static ProblemDetails ItemNotFound(Guid itemId) => Problems.NotFound($"There is no development plan item {itemId}.");

    public static string Author(SkillsReviews.ReviewRelation relation) => relation switch
    {
        SkillsReviews.ReviewRelation.Coach => "coach",
        SkillsReviews.ReviewRelation.Lead => "lead",
        _ => "admin",
    };
}
