using Dsl.Curriculum.Cohorts;

namespace Dsl.Curriculum.Progress;

/// <summary>A lead's progress record with its cohort, and who may see or act on it.</summary>
public sealed record LeadInCohort(LeadProgress Progress, CurriculumCohort? Cohort)
{
    public static async Task<LeadInCohort?> LoadAsync(IQuerySession session, Guid enrolmentId, CancellationToken ct)
    {
        var progress = await session.LoadAsync<LeadProgress>(enrolmentId, ct);
        return progress is null ? null : new LeadInCohort(progress, await session.LoadAsync<CurriculumCohort>(progress.CohortId, ct));
    }

    public static string NotFound(Guid enrolmentId) => $"There is no progress record for enrolment {enrolmentId}.";

    /// <summary>Reading: admins; the cohort's facilitator; the setting's head and lead (SettingAccess).</summary>
    public bool CanRead(ClaimsPrincipal user) => SettingAccess.CanSee(user, Progress.SettingUrn, Cohort?.FacilitatorId);

    /// <summary>Whether the user may read this lead's records (progress, CPD, calendar, certificate): false when there is none.</summary>
    public static async Task<bool> CanReadAsync(ClaimsPrincipal user, LeadProgress? progress, IQuerySession session, CancellationToken ct) =>
        progress is not null
        && new LeadInCohort(progress, await session.LoadAsync<CurriculumCohort>(progress.CohortId, ct)).CanRead(user);

    /// <summary>Recording delivery (support, sign-offs, overrides): an admin or the cohort's facilitator.</summary>
    public bool CanRun(ClaimsPrincipal user) => CohortAccess.CanRun(user, Cohort);
}
