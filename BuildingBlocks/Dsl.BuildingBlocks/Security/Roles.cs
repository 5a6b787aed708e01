using System.Security.Claims;

namespace Dsl.BuildingBlocks.Security;

/// <summary>The roles a DSL token can carry (JWT claim "role").</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Facilitator = "facilitator";
    public const string Assessor = "assessor";
    public const string Head = "head";
    public const string Lead = "lead";
    public const string Integrator = "integrator";

    public static readonly string[] All = [Admin, Facilitator, Assessor, Head, Lead, Integrator];
}

/// <summary>Claims DSL reads beyond the standard ones.</summary>
public static class DslClaims
{
    /// <summary>The URN of the setting a head or lead belongs to.</summary>
    public const string Setting = "setting";

    public static string? SettingUrn(this ClaimsPrincipal user) => user.FindFirst(Setting)?.Value;
}
