using Dsl.PeerNetwork.Members;

namespace Dsl.PeerNetwork.Meetings;

/// <summary>A reflective-practice meeting of a regional network, open to all its leads.</summary>
public sealed class NetworkMeeting
{
    public Guid Id { get; set; }
    public string Region { get; set; } = "";
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? LinkOrVenue { get; set; }
    public string? Topic { get; set; }
    public List<string> ElementCodes { get; set; } = [];
    public string? ScheduledBy { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    /// <summary>Enrolment id → going or not, as each lead last answered.</summary>
    public Dictionary<Guid, bool> Rsvps { get; set; } = [];
    public List<Guid>? Attended { get; set; }
}

public sealed record MeetingView(Guid Id, string Region, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? LinkOrVenue,
    string? Topic, IReadOnlyList<string> ElementCodes, int Going, IReadOnlyList<Guid>? Attended)
{
    public static MeetingView From(NetworkMeeting m) => new(m.Id, m.Region, m.Title, m.StartsAt, m.EndsAt, m.LinkOrVenue, m.Topic,
        m.ElementCodes, m.Rsvps.Count(r => r.Value), m.Attended);
}

public static class MeetingAccess
{
    public static ProblemDetails NotFound(string region) => Problems.NotFound($"There is no peer network {region} you belong to.");

    /// <summary>
    /// Whether <paramref name="user"/> may read a network's meetings: admins and facilitators, and leads who are
    /// members of that region's network.
    /// </summary>
    public static async Task<bool> CanReadAsync(ClaimsPrincipal user, string region, IQuerySession session, CancellationToken ct) =>
        ProgrammeRegions.Exists(region) && (!user.IsInRole(Roles.Lead) || await MemberAsync(user, region, session, ct) is not null);

    /// <summary>The network member a lead's token stands for in <paramref name="region"/>, if any.</summary>
    public static async Task<NetworkMember?> MemberAsync(ClaimsPrincipal user, string region, IQuerySession session, CancellationToken ct) =>
        user.IsInRole(Roles.Lead) && user.SettingUrn() is { } urn
            ? await session.Query<NetworkMember>().FirstOrDefaultAsync(m => m.SettingUrn == urn && m.Region == region, ct)
            : null;
}
