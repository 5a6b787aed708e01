using Dsl.Enrolment.Contracts;

namespace Dsl.Awards.Journeys;

/// <summary>A new facilitator of the cohort is the one who may not assess its settings.</summary>
public static class CohortChangedHandler
{
    public static Task Handle(CohortChanged changed, IDocumentSession session, CancellationToken ct) =>
        Cohorts.UpsertAsync(changed, session, ct);
}
