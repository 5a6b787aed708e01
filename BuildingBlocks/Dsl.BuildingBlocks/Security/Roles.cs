using System.Security.Claims;

namespace Dsl.BuildingBlocks.Security;

/// <summary>
/// The roles a DSL token can carry (JWT claim "role"), and the sets endpoints admit. <c>[Authorize(Roles = …)]</c>
/// needs a constant, so each set is a const comma-separated string built from the single roles; an endpoint uses
/// one of these, never a literal (a test checks every role named in an [Authorize] is in <see cref="All"/>).
/// </summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Facilitator = "facilitator";
    public const string Assessor = "assessor";
    public const string Head = "head";
    public const string Lead = "lead";
    public const string Integrator = "integrator";

    public static readonly string[] All = [Admin, Facilitator, Assessor, Head, Lead, Integrator];

    /// <summary>The setting's own people: their token names the setting, and they see only its records (<see cref="SettingAccess"/>).</summary>
    public const string SettingUsers = $"{Head},{Lead}";

    /// <summary>Acting for a setting: an admin, or the setting's head.</summary>
    public const string AdminOrHead = $"{Admin},{Head}";

    /// <summary>Running the programme's delivery: an admin, or a cohort's facilitator.</summary>
    public const string AdminOrFacilitator = $"{Admin},{Facilitator}";

    /// <summary>Reading a setting's records: an admin, or the setting's head or lead.</summary>
    public const string AdminOrSettingUsers = $"{Admin},{SettingUsers}";

    /// <summary>Reading a lead's programme records: an admin, a facilitator, or the setting's head or lead.</summary>
    public const string AdminFacilitatorOrSettingUsers = $"{Admin},{Facilitator},{SettingUsers}";

    /// <summary>Reading an action learning set: an admin, a facilitator (their own sets), or a lead (their own set).</summary>
    public const string AdminFacilitatorOrLead = $"{Admin},{Facilitator},{Lead}";

    /// <summary>
    /// Reading a setting's assessment records: an admin, the cohort's facilitator, an assessor of an open award
    /// application, or the setting's head or lead (the module narrows each to the records they may see).
    /// </summary>
    public const string AssessmentReaders = $"{Admin},{Facilitator},{Assessor},{SettingUsers}";

    /// <summary>The integrator API: integrators manage their own, admins see all.</summary>
    public const string IntegratorOrAdmin = $"{Integrator},{Admin}";
}

/// <summary>Claims DSL reads beyond the standard ones.</summary>
public static class DslClaims
{
    /// <summary>The URN of the setting a head or lead belongs to.</summary>
    public const string Setting = "setting";

    /// <summary>The user id (JWT "sub"); a cohort's facilitatorId is matched against it.</summary>
    public const string Subject = "sub";

    public static string? SettingUrn(this ClaimsPrincipal user) => user.FindFirst(Setting)?.Value;

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirst(Subject)?.Value;
}
