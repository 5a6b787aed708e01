using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Cohorts;

/// <summary>A changed cohort (e.g. a new facilitator) updates Curriculum's copy, unless the copy is newer.</summary>
public static class CohortChangedHandler
{
    public static Task<IMartenOp> Handle(CohortChanged changed, IDocumentSession session, CancellationToken ct) =>
        CohortCopy.UpsertAsync(changed, session, ct);
}
