using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Cohorts;

public static class CohortCopy
{
    /// <summary>Upserts the copy from a cohort event; an event older than the copy (lower revision) changes nothing.</summary>
    public static async Task<IMartenOp> UpsertAsync(CohortIntegrationEvent fact, IDocumentSession session, CancellationToken ct)
    {
        var copy = await session.LoadAsync<CurriculumCohort>(fact.CohortId, ct);
        if (copy is not null && copy.Revision > fact.Revision) return MartenOps.Nothing();
        copy ??= new CurriculumCohort { Id = fact.CohortId };
        copy.AcademicYear = fact.AcademicYear;
        copy.Region = fact.Region;
        copy.Name = fact.Name;
        copy.DeliveryMode = fact.DeliveryMode;
        copy.StartsOn = fact.StartsOn;
        copy.Capacity = fact.Capacity;
        copy.FacilitatorId = fact.FacilitatorId;
        copy.Revision = fact.Revision;
        return MartenOps.Store(copy);
    }
}
