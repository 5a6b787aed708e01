using Dsl.Curriculum.Progress;

namespace Dsl.Curriculum.Cohorts;

/// <summary>Who may run and who may read a cohort's delivery; everyone else gets the cohort's 404.</summary>
public static class CohortAccess
{
    /// <summary>Scheduling, registers, support and sign-offs: an admin, or the cohort's own facilitator.</summary>
    public static bool CanRun(ClaimsPrincipal user, CurriculumCohort? cohort) =>
        cohort is not null && (user.IsInRole(Roles.Admin)
                               || (user.IsInRole(Roles.Facilitator) && cohort.FacilitatorId is not null && cohort.FacilitatorId == user.UserId()));

    /// <summary>Reading the schedule: those who run it, and heads and leads of a setting with a lead in the cohort.</summary>
    public static async Task<bool> CanReadAsync(ClaimsPrincipal user, CurriculumCohort? cohort, IQuerySession session, CancellationToken ct)
    {
        if (cohort is null) return false;
        if (CanRun(user, cohort)) return true;
        if (!SettingAccess.IsSettingUser(user)) return false;
        var urn = user.SettingUrn();
        return await session.Query<LeadProgress>().AnyAsync(p => p.CohortId == cohort.Id && p.SettingUrn == urn, ct);
    }

    public static string NotFound(Guid cohortId) => $"There is no cohort {cohortId}.";
}
