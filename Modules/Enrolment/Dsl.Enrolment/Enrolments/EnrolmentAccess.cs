namespace Dsl.Enrolment.Enrolments;

/// <summary>
/// Who may see and act on an enrolment: the programme's rule (<see cref="SettingAccess"/>). Another setting's
/// enrolment is reported as not found, never as forbidden.
/// </summary>
public static class EnrolmentAccess
{
    public static bool CanSee(ClaimsPrincipal user, Enrolment enrolment) => SettingAccess.CanSee(user, enrolment.SettingUrn);

    /// <summary>Heads act for their own setting; admins for any.</summary>
    public static bool CanActFor(ClaimsPrincipal user, string settingUrn) => SettingAccess.CanActFor(user, settingUrn);

    public static ProblemDetails NotFound(Guid id) => Problems.NotFound($"There is no enrolment {id}.");

    /// <summary>The standard gate of a command on one enrolment: visible, allowed, and in one of the expected statuses.</summary>
    public static ProblemDetails Check(ClaimsPrincipal user, Enrolment enrolment, string action,
        params EnrolmentStatus[] allowed)
    {
        if (!CanSee(user, enrolment)) return NotFound(enrolment.Id);
        if (!CanActFor(user, enrolment.SettingUrn))
            return Problems.Create(403, "forbidden", "Forbidden", $"Only the setting's head or an admin may {action}.");
        if (allowed.Length > 0 && !allowed.Contains(enrolment.Status))
            return Problems.Conflict($"Cannot {action}: the enrolment is {Camel(enrolment.Status)}; it must be " +
                                     $"{string.Join(" or ", allowed.Select(s => Camel(s)))}.",
                new Dictionary<string, object?> { ["currentStatus"] = Camel(enrolment.Status) });
        return WolverineContinue.NoProblems;
    }

    public static string Camel(Enum value) => char.ToLowerInvariant(value.ToString()[0]) + value.ToString()[1..];
}
