using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.Enrolments;

/// <summary>Keeps the cohort's facilitator (an older revision arriving late is ignored).</summary>
public static class CohortScheduledHandler
{
    public static Task<IMartenOp> Handle(CohortScheduled scheduled, IDocumentSession session, CancellationToken ct) =>
        Cohorts.Upsert(scheduled, session, ct);
}

internal static class Cohorts
{
    public static async Task<IMartenOp> Upsert(CohortIntegrationEvent @event, IDocumentSession session, CancellationToken ct)
    {
        var cohort = await session.LoadAsync<AssessedCohort>(@event.CohortId, ct);
        if (cohort is not null && cohort.Revision >= @event.Revision) return MartenOps.Nothing();
        return MartenOps.Store(new AssessedCohort { Id = @event.CohortId, FacilitatorId = @event.FacilitatorId, Revision = @event.Revision });
    }
}
