using Dsl.Enrolment.Contracts;

namespace Dsl.PeerNetwork.Members;

/// <summary>A cohort's facilitator or region changed.</summary>
public static class CohortChangedHandler
{
    public static Task<IMartenOp> Handle(CohortChanged changed, IDocumentSession session, CancellationToken ct) =>
        CohortFactsUpdate.Apply(changed, session, ct);
}
