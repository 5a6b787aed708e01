using Dsl.Enrolment.Contracts;

namespace Dsl.PeerNetwork.Members;

/// <summary>PeerNetwork's copy of a cohort's facts: who facilitates it in which region (the default facilitators for matching).</summary>
public sealed class NetworkCohort
{
    public Guid Id { get; set; }
    public string Region { get; set; } = "";
    public string AcademicYear { get; set; } = "";
    public string? FacilitatorId { get; set; }
    public int Revision { get; set; }
}

/// <summary>Keeps the cohort copy current; an older event arriving late never overwrites a newer one.</summary>
internal static class CohortFactsUpdate
{
    public static async Task<IMartenOp> Apply(CohortIntegrationEvent fact, IDocumentSession session, CancellationToken ct)
    {
        var known = await session.LoadAsync<NetworkCohort>(fact.CohortId, ct);
        if (known is not null && known.Revision > fact.Revision) return MartenOps.Nothing();
        return MartenOps.Store(new NetworkCohort
        {
            Id = fact.CohortId, Region = fact.Region, AcademicYear = fact.AcademicYear, FacilitatorId = fact.FacilitatorId,
            Revision = fact.Revision,
        });
    }
}
