using System.Security.Claims;
using Dsl.BuildingBlocks.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Dsl.BuildingBlocks.Security;

/// <summary>
/// The programme's one rule for records that belong to a setting (an enrolment, a lead's progress, a network
/// membership, a self-assessment, an award…), after the endpoint's <c>[Authorize(Roles = …)]</c> has decided who
/// may call it at all:
/// <list type="bullet">
/// <item>admins see every record;</item>
/// <item>heads and leads see only their own setting's (the token's <c>setting</c> claim);</item>
/// <item>facilitators see the records of the cohorts they run (the cohort's <c>facilitatorId</c> is the token's
/// subject) — checked when the module passes the record's cohort facilitator, all records otherwise;</item>
/// <item>any other role the endpoint admits sees every record.</item>
/// </list>
/// A record the user may not see is answered exactly like one that does not exist (404), never 403, so another
/// setting's records are not revealed.
/// </summary>
public static class SettingAccess
{
    /// <summary>A head or lead (and not an admin): someone whose view is limited to their own setting.</summary>
    public static bool IsSettingUser(ClaimsPrincipal user) =>
        !user.IsInRole(Roles.Admin) && (user.IsInRole(Roles.Head) || user.IsInRole(Roles.Lead));

    /// <summary>Whether the user may see a record of <paramref name="settingUrn"/> (facilitators: any, the module knowing no cohort).</summary>
    public static bool CanSee(ClaimsPrincipal user, string settingUrn) =>
        !IsSettingUser(user) || user.SettingUrn() == settingUrn;

    /// <summary>
    /// Whether the user may see a record of <paramref name="settingUrn"/> in a cohort run by
    /// <paramref name="cohortFacilitatorId"/> (null: the cohort has no facilitator, so no facilitator sees it).
    /// </summary>
    public static bool CanSee(ClaimsPrincipal user, string settingUrn, string? cohortFacilitatorId) =>
        CanSee(user, settingUrn) && CanSeeCohort(user, cohortFacilitatorId);

    /// <summary>Whether the user may see a cohort (or a record of it): facilitators only those they run, everyone else any.</summary>
    public static bool CanSeeCohort(ClaimsPrincipal user, string? cohortFacilitatorId) =>
        user.IsInRole(Roles.Admin) || !user.IsInRole(Roles.Facilitator)
        || (cohortFacilitatorId is not null && cohortFacilitatorId == user.UserId());

    /// <summary>Whether the user may act for the setting: its head, or an admin for any.</summary>
    public static bool CanActFor(ClaimsPrincipal user, string settingUrn) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Head) && user.SettingUrn() == settingUrn);

    /// <summary>
    /// The standard gate of an endpoint on one setting's record, for its <c>Validate</c> method: pass the loaded
    /// record's URN (null when there is none) and the detail of the 404 both a missing and a hidden record get.
    /// </summary>
    public static ProblemDetails Check(ClaimsPrincipal user, string? settingUrn, string notFound) =>
        settingUrn is not null && CanSee(user, settingUrn) ? WolverineContinue.NoProblems : Problems.NotFound(notFound);

    /// <summary>As <see cref="Check(ClaimsPrincipal, string?, string)"/>, for a record whose cohort's facilitator the module knows.</summary>
    public static ProblemDetails Check(ClaimsPrincipal user, string? settingUrn, string? cohortFacilitatorId, string notFound) =>
        settingUrn is not null && CanSee(user, settingUrn, cohortFacilitatorId) ? WolverineContinue.NoProblems : Problems.NotFound(notFound);
}
