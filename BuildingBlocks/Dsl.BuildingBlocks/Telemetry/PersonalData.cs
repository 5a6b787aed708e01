using System.Text.RegularExpressions;

namespace Dsl.BuildingBlocks.Telemetry;

/// <summary>
/// The last line of defence for telemetry: DSL never logs or tags names or emails on purpose, but text from
/// elsewhere (a database error's detail, an exception message) can carry an email; it is masked on the way out.
/// </summary>
public static partial class PersonalData
{
    public const string RedactedEmail = "[redacted-email]";

    [GeneratedRegex(@"[A-Za-z0-9._%+\-']+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    public static string Redact(string text) => text.Contains('@') ? Email().Replace(text, RedactedEmail) : text;

    public static object? Redact(object? value) => value is string text ? Redact(text) : value;
}
