using Dsl.BuildingBlocks.Calendars;

namespace Dsl.Curriculum.Calendars;

/// <summary>
/// A private subscription address for a cohort's or a lead's calendar, for calendar apps that cannot send a
/// bearer token, in the programme's private-link scheme (<see cref="PrivateCalendarLinks"/>): only the token's hash is
/// kept, the address is shown once, revoking deletes the link.
/// </summary>
public sealed class CalendarLink
{
    public Guid Id { get; set; }
    /// <summary>Hex SHA-256 of the token in the address.</summary>
    public string TokenHash { get; set; } = "";
    public Guid? CohortId { get; set; }
    public Guid? EnrolmentId { get; set; }
    /// <summary>The user (token subject) who made it: they or an admin may revoke it.</summary>
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static string PathFor(string token) => $"/calendar/{token}.ics";
}
