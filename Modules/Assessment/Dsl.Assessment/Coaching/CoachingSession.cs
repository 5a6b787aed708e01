namespace Dsl.Assessment.Coaching;

/// <summary>
/// A coaching conversation in GROW form between the lead and their coach. Its content is private to the two of them
/// (personal data about the lead, found by enrolment id); admins see only that it happened.
/// </summary>
public sealed class CoachingSession
{
    public Guid Id { get; set; }
    public Guid ReviewId { get; set; }
    public Guid EnrolmentId { get; set; }
    public string CoachId { get; set; } = "";
    public DateOnly Date { get; set; }
    public int Minutes { get; set; }
    public List<string> CompetencyCodes { get; set; } = [];
    public string Goal { get; set; } = "";
    public string Reality { get; set; } = "";
    public string Options { get; set; } = "";
    public string WayForward { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A session as its reader may see it: the GROW fields are null for an admin.</summary>
public sealed record CoachingSessionView(Guid Id, DateOnly Date, int Minutes, IReadOnlyList<string>? CompetencyCodes, string? Goal,
    string? Reality, string? Options, string? WayForward)
{
    public static CoachingSessionView Of(CoachingSession s, bool withContent) => withContent
        ? new(s.Id, s.Date, s.Minutes, s.CompetencyCodes, s.Goal, s.Reality, s.Options, s.WayForward)
        : new(s.Id, s.Date, s.Minutes, null, null, null, null, null);
}
