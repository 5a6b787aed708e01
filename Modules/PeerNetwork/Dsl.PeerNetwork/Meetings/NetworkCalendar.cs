using Dsl.BuildingBlocks.Calendars;

namespace Dsl.PeerNetwork.Meetings;

/// <summary>
/// A private subscription address for a network's meetings, in the programme's private-link scheme
/// (<see cref="PrivateCalendarLinks"/>, as Curriculum's calendar links): only the token's hash is kept.
/// </summary>
public sealed class NetworkCalendarLink
{
    public Guid Id { get; set; }
    /// <summary>Hex SHA-256 of the token in the address.</summary>
    public string TokenHash { get; set; } = "";
    public string Region { get; set; } = "";
    /// <summary>The user (token subject) who made it: they or an admin may revoke it.</summary>
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static string PathFor(string token) => $"/peer-network/calendar/{token}.ics";
}

/// <summary>A network's meetings as an iCalendar feed: titles, times, place and topic; never who is going.</summary>
public static class NetworkCalendar
{
    public static string UidFor(Guid meetingId) => $"network-meeting-{meetingId}@dsl";

    public static async Task<string> FeedAsync(string region, IQuerySession session, CancellationToken ct)
    {
        var meetings = await session.Query<NetworkMeeting>().Where(m => m.Region == region).ToListAsync(ct);
        return Render(region, meetings);
    }

    public static string Render(string region, IEnumerable<NetworkMeeting> meetings) =>
        IcsCalendar.Render("-//DSL//Peer network meetings//EN", $"DSL peer network: {region}", meetings.Select(m =>
        {
            var joinUrl = Uri.TryCreate(m.LinkOrVenue, UriKind.Absolute, out var link) && link.Scheme is "https" or "http" ? m.LinkOrVenue : null;
            var description = string.Join("\n", new[]
            {
                m.Topic is { Length: > 0 } topic ? "Topic: " + topic : null,
                m.ElementCodes.Count > 0 ? "Elements: " + string.Join(", ", m.ElementCodes) : null,
                joinUrl is not null ? "Join: " + joinUrl : null,
            }.OfType<string>());
            return new CalendarEntry(UidFor(m.Id), m.Title, m.StartsAt, m.EndsAt, joinUrl is null ? m.LinkOrVenue : null, joinUrl,
                description, 0, false, m.ScheduledAt == default ? m.StartsAt : m.ScheduledAt);
        }));
}
