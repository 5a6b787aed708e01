using Dsl.Assessment.Enrolments;

namespace Dsl.Assessment;

/// <summary>
/// Who sees and changes a setting's assessment records: its head and lead write; the cohort's facilitator reads,
/// comments and agrees plans; admins read everything; an assessor reads while an award application of the setting is
/// assigned to them. Anyone else gets the 404 a missing record gets.
/// </summary>
public static class AssessmentAccess
{
    public static async Task<bool> CanRead(ClaimsPrincipal user, string settingUrn, Guid cohortId, IQuerySession session,
        CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return true;
        if (user.IsInRole(Roles.Head) || user.IsInRole(Roles.Lead)) return user.SettingUrn() == settingUrn;
        if (user.IsInRole(Roles.Facilitator)) return await IsFacilitator(user, cohortId, session, ct);
        if (user.IsInRole(Roles.Assessor))
        {
            var me = user.UserId();
            return me is not null && await session.Query<AssessorGrant>()
                .AnyAsync(g => g.SettingUrn == settingUrn && g.AssessorId == me && g.Open, ct);
        }
        return false;
    }

    /// <summary>The setting's own head or lead; an admin too, acting for the setting (support, demo data).</summary>
    public static bool CanWrite(ClaimsPrincipal user, string settingUrn) =>
        Urns.IsValid(settingUrn) && (user.IsInRole(Roles.Admin)
            || ((user.IsInRole(Roles.Head) || user.IsInRole(Roles.Lead)) && user.SettingUrn() == settingUrn));

    public static async Task<bool> IsFacilitator(ClaimsPrincipal user, Guid cohortId, IQuerySession session, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Admin)) return true;
        if (!user.IsInRole(Roles.Facilitator)) return false;
        var cohort = await session.LoadAsync<AssessedCohort>(cohortId, ct);
        return cohort?.FacilitatorId is not null && cohort.FacilitatorId == user.UserId();
    }

    /// <summary>
    /// Whether the user may read any record of the setting (the progress picture, provision, profile): through one of
    /// its enrolments' cohorts for a facilitator.
    /// </summary>
    public static async Task<bool> CanReadSetting(ClaimsPrincipal user, string settingUrn, IQuerySession session, CancellationToken ct)
    {
        if (!Urns.IsValid(settingUrn)) return false;
        if (!user.IsInRole(Roles.Facilitator) || user.IsInRole(Roles.Admin))
            return await CanRead(user, settingUrn, Guid.Empty, session, ct);
        var cohorts = await session.Query<AssessedEnrolment>().Where(e => e.SettingUrn == settingUrn).Select(e => e.CohortId).ToListAsync(ct);
        foreach (var cohort in cohorts.Distinct())
            if (await IsFacilitator(user, cohort, session, ct)) return true;
        return false;
    }
}
