using Dsl.Enrolment.Contracts;

namespace Dsl.PeerNetwork.Members;

/// <summary>A new cohort (or one announced for catching up): its facilitator may facilitate the region's sets.</summary>
public static class CohortScheduledHandler
{
    public static Task<IMartenOp> Handle(CohortScheduled scheduled, IDocumentSession session, CancellationToken ct) =>
        CohortFactsUpdate.Apply(scheduled, session, ct);
}
