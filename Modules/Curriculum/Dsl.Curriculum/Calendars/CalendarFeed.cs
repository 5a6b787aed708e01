using Dsl.BuildingBlocks.Calendars;
using Dsl.Curriculum.Workshops;

namespace Dsl.Curriculum.Calendars;

/// <summary>What a calendar feed shows of one workshop: nothing about people, so a leaked feed reveals only a schedule.</summary>
public sealed record CalendarWorkshop(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Venue,
    string? JoinUrl, IReadOnlyList<string> ElementCodes, int Sequence, bool Cancelled, string? CancellationReason,
    DateTimeOffset ChangedAt)
{
    public static CalendarWorkshop From(Workshop w) =>
        new(w.Id, w.Title, w.StartsAt, w.EndsAt, w.Venue, w.JoinUrl, w.ElementCodes, w.Sequence,
            w.Status == WorkshopStatus.Cancelled, w.CancellationReason, w.ChangedAt == default ? w.CreatedAt : w.ChangedAt);
}

/// <summary>
/// Workshops as an RFC 5545 calendar (<see cref="IcsCalendar"/>): the UID is the workshop's id, so a re-fetched feed
/// updates the same event, and SEQUENCE is the workshop's change count.
/// </summary>
public static class CalendarFeed
{
    public const string MediaType = IcsCalendar.MediaType;

    public static string UidFor(Guid workshopId) => $"workshop-{workshopId}@dsl";

    public static string Render(string calendarName, IEnumerable<CalendarWorkshop> workshops) =>
        IcsCalendar.Render("-//DSL//Curriculum workshops//EN", calendarName, workshops.Select(w =>
            new CalendarEntry(UidFor(w.Id), w.Title, w.StartsAt, w.EndsAt, w.Venue, w.JoinUrl, Describe(w), w.Sequence, w.Cancelled,
                w.ChangedAt)));

    private static string Describe(CalendarWorkshop w)
    {
        var lines = new List<string> { "Elements: " + string.Join(", ", w.ElementCodes) };
        if (w.JoinUrl is not null) lines.Add("Join: " + w.JoinUrl);
        if (w.Cancelled) lines.Add("Cancelled" + (string.IsNullOrWhiteSpace(w.CancellationReason) ? "" : ": " + w.CancellationReason));
        return string.Join("\n", lines);
    }
}
