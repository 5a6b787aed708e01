namespace Dsl.Host.DataProtection;

public enum RequestKind { Erasure, Export }

/// <summary>
/// An erasure or export request as the host tracks it (schema "host"): created from Enrolment's message, completed
/// when every registered module has answered. The modules' answers are <see cref="ModuleAnswer"/>s, so the order in
/// which the messages arrive does not matter.
/// </summary>
public sealed class DataProtectionRequest
{
    public Guid Id { get; set; }
    public RequestKind Kind { get; set; }
    public Guid EnrolmentId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Exports only: when the export is deleted.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }
}

/// <summary>
/// One module's answer to a request (id "{requestId:N}:{module}"): the kinds of data it erased, or its part of an
/// export (personal data, deleted when the export expires).
/// </summary>
public sealed class ModuleAnswer
{
    public string Id { get; set; } = "";
    public Guid RequestId { get; set; }
    public string Module { get; set; } = "";
    public List<string> Kinds { get; set; } = [];
    /// <summary>The module's export part as JSON; null for erasure answers and once an export expired.</summary>
    public string? Data { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }

    public static string IdFor(Guid requestId, string module) => $"{requestId:N}:{module}";
}

/// <summary>Settings under Dsl:DataProtection.</summary>
public sealed class DataProtectionOptions
{
    public const string Section = "Dsl:DataProtection";

    /// <summary>How long a completed export can be downloaded before it is deleted.</summary>
    public TimeSpan ExportExpiry { get; set; } = TimeSpan.FromDays(7);
}
