using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Cohorts;

/// <summary>A new cohort (or one announced on start) becomes Curriculum's own copy.</summary>
public static class CohortScheduledHandler
{
    public static Task<IMartenOp> Handle(CohortScheduled scheduled, IDocumentSession session, CancellationToken ct) =>
        CohortCopy.UpsertAsync(scheduled, session, ct);
}
