namespace Dsl.Enrolment.Cohorts;

public static class CohortOccupancyQuery
{
    private sealed record Counted(Guid CohortId, int PlacesTaken, int WaitlistLength);

    /// <summary>Places taken and waitlist length for each cohort, from the occupancy counters (ADR 0016).</summary>
    public static async Task<IReadOnlyDictionary<Guid, CohortOccupancy>> ForAsync(IQuerySession session,
        IReadOnlyCollection<Guid> cohortIds, CancellationToken ct)
    {
        var rows = await session.AdvancedSql.QueryAsync<Counted>($"""
            select json_build_object('cohortId', cohort_id, 'placesTaken', sum(held), 'waitlistLength', sum(waitlisted))
            from {Placement.CohortOccupancyTable.Name} where cohort_id = any(?) group by cohort_id
            """, ct, cohortIds.ToArray());
        return rows.ToDictionary(r => r.CohortId, r => new CohortOccupancy(r.PlacesTaken, r.WaitlistLength));
    }

    public static async Task<CohortView> ViewAsync(IQuerySession session, Cohort cohort, CancellationToken ct) =>
        CohortView.From(cohort, (await ForAsync(session, [cohort.Id], ct)).GetValueOrDefault(cohort.Id, CohortOccupancy.Empty));

    /// <summary>Facilitators see only the cohorts they run; everyone else may read any cohort.</summary>
    public static bool CanSee(ClaimsPrincipal user, Cohort cohort) => SettingAccess.CanSeeCohort(user, cohort.FacilitatorId);
}
