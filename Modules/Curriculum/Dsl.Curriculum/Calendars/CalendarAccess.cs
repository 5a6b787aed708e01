using Dsl.Curriculum.Cohorts;
using Dsl.Curriculum.Progress;
using Dsl.Curriculum.Workshops;

namespace Dsl.Curriculum.Calendars;

/// <summary>
/// The calendar feeds. Who sees which is the schedule's and the progress read's rule: a cohort's feed whoever may read
/// its schedule (<see cref="CohortAccess.CanReadAsync"/>), a lead's feed whoever may read that lead's progress
/// (<see cref="LeadInCohort.CanReadAsync"/>); anyone else gets a 404.
/// </summary>
public static class CalendarAccess
{
    /// <summary>The feed of a cohort's workshops, cancelled ones included (so calendars drop them).</summary>
    public static async Task<string> CohortFeedAsync(Guid cohortId, string? cohortName, IQuerySession session, CancellationToken ct)
    {
        var workshops = await session.Query<Workshop>().Where(w => w.CohortId == cohortId).ToListAsync(ct);
        return CalendarFeed.Render(string.IsNullOrWhiteSpace(cohortName) ? "DSL workshops" : $"DSL workshops: {cohortName}",
            workshops.Select(CalendarWorkshop.From));
    }

    /// <summary>A lead's feed: the workshops of the cohort they are in now (after a transfer, the new cohort's).</summary>
    public static async Task<string> ProgressFeedAsync(LeadProgress progress, IQuerySession session, CancellationToken ct)
    {
        var cohort = await session.LoadAsync<CurriculumCohort>(progress.CohortId, ct);
        return await CohortFeedAsync(progress.CohortId, cohort?.Name, session, ct);
    }
}
