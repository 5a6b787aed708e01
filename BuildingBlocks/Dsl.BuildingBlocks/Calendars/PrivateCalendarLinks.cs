using System.Security.Cryptography;
using System.Text;

namespace Dsl.BuildingBlocks.Calendars;

/// <summary>
/// The programme's private calendar links, for calendar apps that cannot send a bearer token: the address holds a
/// random token and is the only secret. A module keeps only the SHA-256 of the token (a copy of the database does not
/// reveal working addresses), shows the address once, when the link is made, and deletes the link to revoke it.
/// </summary>
public static class PrivateCalendarLinks
{
    /// <summary>256 random bits, URL-safe.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// The token hash of a requested "{token}.ics" file name, or null when the name cannot be a link's (then the
    /// caller answers the same 404 as for an unknown link, so addresses cannot be probed).
    /// </summary>
    public static string? HashOfFile(string file) =>
        file.EndsWith(".ics", StringComparison.Ordinal) && file.Length is >= 20 and <= 100 ? HashOf(file[..^4]) : null;
}
