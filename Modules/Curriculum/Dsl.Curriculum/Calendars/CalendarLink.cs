using System.Security.Cryptography;
using System.Text;

namespace Dsl.Curriculum.Calendars;

/// <summary>
/// A private subscription address for a cohort's or a lead's calendar, for calendar apps that cannot send a
/// bearer token. Only the SHA-256 of the token is kept: the address is shown once, when the link is made, and a
/// copy of the database does not reveal working addresses. Revoking deletes the link.
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

    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PathFor(string token) => $"/calendar/{token}.ics";
}
