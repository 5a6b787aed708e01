using Dsl.Curriculum.Workshops;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

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
/// Renders workshops as an RFC 5545 calendar. Times are written in Europe/London with its VTIMEZONE, so a
/// calendar app shows 09:30 as 09:30 on both sides of a clock change; the UID is the workshop's id, so a
/// re-fetched feed updates the same event, and SEQUENCE (the workshop's change count) tells apps which copy is newer.
/// </summary>
public static class CalendarFeed
{
    public const string TimeZoneId = "Europe/London";
    public const string MediaType = "text/calendar";
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static string UidFor(Guid workshopId) => $"workshop-{workshopId}@dsl";

    public static string Render(string calendarName, IEnumerable<CalendarWorkshop> workshops)
    {
        var calendar = new Calendar { ProductId = "-//DSL//Curriculum workshops//EN" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        calendar.AddTimeZone(TimeZoneId);
        foreach (var w in workshops.OrderBy(w => w.StartsAt).ThenBy(w => w.Id))
        {
            var e = new CalendarEvent
            {
                Uid = UidFor(w.Id),
                Summary = w.Cancelled ? $"Cancelled: {w.Title}" : w.Title,
                DtStart = InLondon(w.StartsAt),
                DtEnd = InLondon(w.EndsAt),
                DtStamp = new CalDateTime(w.ChangedAt.UtcDateTime),
                Sequence = w.Sequence,
                Status = w.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Location = w.Venue ?? w.JoinUrl,
                Description = Describe(w),
            };
            if (w.JoinUrl is not null && Uri.TryCreate(w.JoinUrl, UriKind.Absolute, out var join)) e.Url = join;
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime InLondon(DateTimeOffset at) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(at, London).DateTime, DateTimeKind.Unspecified), TimeZoneId);

    private static string Describe(CalendarWorkshop w)
    {
        var lines = new List<string> { "Elements: " + string.Join(", ", w.ElementCodes) };
        if (w.JoinUrl is not null) lines.Add("Join: " + w.JoinUrl);
        if (w.Cancelled) lines.Add("Cancelled" + (string.IsNullOrWhiteSpace(w.CancellationReason) ? "" : ": " + w.CancellationReason));
        return string.Join("\n", lines);
    }
}
