using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.Enrolments;

/// <summary>A new facilitator takes over reading and agreeing the cohort's plans.</summary>
public static class CohortChangedHandler
{
    public static Task<IMartenOp> Handle(CohortChanged changed, IDocumentSession session, CancellationToken ct) =>
        Cohorts.Upsert(changed, session, ct);
}
