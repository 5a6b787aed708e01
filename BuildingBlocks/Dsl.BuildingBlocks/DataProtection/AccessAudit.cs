using System.Diagnostics;
using System.Security.Claims;
using Dsl.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Dsl.BuildingBlocks.DataProtection;

/// <summary>
/// Marks a read endpoint whose answer contains a person's data: every successful call by someone other than the lead
/// themselves (an admin, facilitator, assessor or head) is written to the access log. The enrolment (or setting) is
/// taken from the route value named here.
/// </summary>
/// <param name="recordKind">What kind of record is read, e.g. "progress", "enrolment", "selfAssessment".</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AuditedReadAttribute(string recordKind) : Attribute
{
    public string RecordKind { get; } = recordKind;
    /// <summary>The route value holding the enrolment id (default "enrolmentId").</summary>
    public string EnrolmentRoute { get; init; } = "enrolmentId";
    /// <summary>The route value holding the setting URN, for records kept per setting.</summary>
    public string SettingRoute { get; init; } = "urn";
}

/// <summary>One read of a record with a person's data. Ids only: the actor's user id, never a name.</summary>
public sealed record AccessRecord(string Actor, string Role, string RecordKind, Guid? EnrolmentId, string? SettingUrn,
    DateTimeOffset At, string? TraceId);

/// <summary>Where access records go: an append-only log the host keeps.</summary>
public interface IAccessLog
{
    Task AppendAsync(AccessRecord record, CancellationToken ct);
}

/// <summary>
/// After a successful read of an <see cref="AuditedReadAttribute"/> endpoint, appends who read what. A lead's read of
/// their own setting's records is not an access by someone else, so it is not recorded.
/// </summary>
public sealed class AccessAudit(RequestDelegate next)
{
    private const string EnrolmentItem = "dsl.audit.enrolment";

    /// <summary>For a read whose route names the record, not the enrolment: the enrolment the record belongs to.</summary>
    public static void RecordIsAbout(HttpResponse response, Guid enrolmentId) => response.HttpContext.Items[EnrolmentItem] = enrolmentId;

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<AuditedReadAttribute>() is not { } audited) return;
        if (context.Response.StatusCode is < 200 or >= 300) return;
        if (RoleOf(context.User) is not { } role || role == Roles.Lead) return;

        var values = context.Request.RouteValues;
        var enrolmentId = Guid.TryParse(values[audited.EnrolmentRoute]?.ToString(), out var id) ? id
            : context.Items[EnrolmentItem] as Guid?;
        var urn = values[audited.SettingRoute]?.ToString();
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var record = new AccessRecord(context.User.UserId() ?? "unknown", role, audited.RecordKind, enrolmentId, urn,
            clock.GetUtcNow(), Activity.Current?.TraceId.ToString());
        await context.RequestServices.GetRequiredService<IAccessLog>().AppendAsync(record, CancellationToken.None);
    }

    /// <summary>The caller's role (a token carries one).</summary>
    private static string? RoleOf(ClaimsPrincipal user) => user.FindFirst("role")?.Value;
}
