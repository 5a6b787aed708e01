using Dsl.Enrolment.Enrolments;

namespace Dsl.Enrolment.Cohorts;

using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;

public static class CohortOccupancyQuery
{
    /// <summary>Places taken and waitlist length for each cohort, in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, CohortOccupancy>> ForAsync(IQuerySession session,
        IReadOnlyCollection<Guid> cohortIds, CancellationToken ct)
    {
        var rows = await session.Query<Enrolment>()
            .Where(e => e.CohortId.In(cohortIds.ToArray()) && (e.HoldsPlace || e.Status == EnrolmentStatus.Waitlisted))
            .Select(e => new { e.CohortId, e.HoldsPlace })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CohortId).ToDictionary(g => g.Key,
            g => new CohortOccupancy(g.Count(r => r.HoldsPlace), g.Count(r => !r.HoldsPlace)));
    }

    public static async Task<CohortView> ViewAsync(IQuerySession session, Cohort cohort, CancellationToken ct) =>
        CohortView.From(cohort, (await ForAsync(session, [cohort.Id], ct)).GetValueOrDefault(cohort.Id, CohortOccupancy.Empty));

    /// <summary>Facilitators see only the cohorts they run; everyone else may read any cohort.</summary>
    public static bool CanSee(ClaimsPrincipal user, Cohort cohort) =>
        !user.IsInRole(Roles.Facilitator) || user.IsInRole(Roles.Admin) || cohort.FacilitatorId == user.FindFirst("sub")?.Value;
}
