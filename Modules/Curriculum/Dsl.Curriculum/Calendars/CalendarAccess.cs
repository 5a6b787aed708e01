using Dsl.Curriculum.Cohorts;
using Dsl.Curriculum.Progress;
using Dsl.Curriculum.Workshops;

namespace Dsl.Curriculum.Calendars;

/// <summary>
/// Who sees which calendar: the same people as the schedule and progress reads. A cohort's feed: whoever may read
/// its schedule (<see cref="CohortAccess"/>). A lead's feed: whoever may read that
/// lead's progress (the setting's head or lead, the cohort's facilitator, an admin). Anyone else gets a 404.
/// </summary>
public static class CalendarAccess
{
    public static Task<bool> CanSeeCohortAsync(ClaimsPrincipal user, CurriculumCohort? cohort, IQuerySession session,
        CancellationToken ct) => CohortAccess.CanReadAsync(user, cohort, session, ct);

    public static async Task<bool> CanSeeProgressAsync(ClaimsPrincipal user, LeadProgress? progress, IQuerySession session,
        CancellationToken ct)
    {
        if (progress is null) return false;
        var cohort = await session.LoadAsync<CurriculumCohort>(progress.CohortId, ct);
        return SettingAccess.CanSee(user, progress.SettingUrn, cohort?.FacilitatorId);
    }

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

    public static IResult Ics(string ics, HttpResponse response)
    {
        // Feeds change when a workshop does; calendar apps poll, so no caching in between.
        response.Headers.CacheControl = "no-cache, private";
        return Results.Text(ics, CalendarFeed.MediaType + "; charset=utf-8");
    }
}
