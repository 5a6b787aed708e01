using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>Keeps the cohort's facilitator (an older revision arriving late is ignored).</summary>
public static class CohortScheduledHandler
{
    public static Task Handle(CohortScheduled scheduled, IDocumentSession session, CancellationToken ct) =>
        Cohorts.UpsertAsync(scheduled, session, ct);
}

internal static class Cohorts
{
    public static async Task UpsertAsync(CohortIntegrationEvent @event, IDocumentSession session, CancellationToken ct)
    {
        var cohort = await session.LoadAsync<AwardsCohort>(@event.CohortId, ct);
        if (cohort is not null && cohort.Revision >= @event.Revision) return;
        session.Store(new AwardsCohort { Id = @event.CohortId, FacilitatorId = @event.FacilitatorId, Revision = @event.Revision });
    }
}
