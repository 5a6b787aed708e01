using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http;

namespace Dsl.BuildingBlocks.Calendars;

/// <summary>One event of a calendar feed: a schedule only, nothing about people, so a leaked feed reveals no one.</summary>
/// <param name="Uid">Stable per event, so a re-fetched feed updates the same entry in a calendar app.</param>
/// <param name="Sequence">The event's change count: tells apps which copy is newer.</param>
/// <param name="ChangedAt">When it last changed (DTSTAMP).</param>
public sealed record CalendarEntry(string Uid, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Venue,
    string? JoinUrl, string Description, int Sequence, bool Cancelled, DateTimeOffset ChangedAt);

/// <summary>
/// Renders the programme's calendar feeds as RFC 5545. Times are written in Europe/London with its VTIMEZONE, so a
/// calendar app shows 09:30 as 09:30 on both sides of a clock change; cancelled events stay in the feed as
/// CANCELLED so subscribed calendars drop them.
/// </summary>
public static class IcsCalendar
{
    public const string TimeZoneId = "Europe/London";
    public const string MediaType = "text/calendar";
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <param name="productId">PRODID, e.g. "-//DSL//Curriculum workshops//EN".</param>
    public static string Render(string productId, string calendarName, IEnumerable<CalendarEntry> entries)
    {
        var calendar = new Calendar { ProductId = productId };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        calendar.AddTimeZone(TimeZoneId);
        foreach (var entry in entries.OrderBy(e => e.StartsAt).ThenBy(e => e.Uid, StringComparer.Ordinal))
        {
            var e = new CalendarEvent
            {
                Uid = entry.Uid,
                Summary = entry.Cancelled ? $"Cancelled: {entry.Title}" : entry.Title,
                DtStart = InLondon(entry.StartsAt),
                DtEnd = InLondon(entry.EndsAt),
                DtStamp = new CalDateTime(entry.ChangedAt.UtcDateTime),
                Sequence = entry.Sequence,
                Status = entry.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Location = entry.Venue ?? entry.JoinUrl,
                Description = entry.Description,
            };
            if (entry.JoinUrl is not null && Uri.TryCreate(entry.JoinUrl, UriKind.Absolute, out var join)) e.Url = join;
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The feed as a response: feeds change when an event does and calendar apps poll, so nothing caches it.</summary>
    public static IResult Result(string ics, HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache, private";
        return Results.Text(ics, MediaType + "; charset=utf-8");
    }

    private static CalDateTime InLondon(DateTimeOffset at) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(at, London).DateTime, DateTimeKind.Unspecified), TimeZoneId);
}
