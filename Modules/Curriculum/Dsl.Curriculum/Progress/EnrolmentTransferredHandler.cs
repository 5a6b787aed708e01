using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum.Progress;

/// <summary>A transfer moves the record to the new cohort.</summary>
public static class EnrolmentTransferredHandler
{
    public static async Task<IMartenOp> Handle(EnrolmentTransferred transferred, IDocumentSession session, CancellationToken ct)
    {
        var progress = await session.LoadAsync<LeadProgress>(transferred.EnrolmentId, ct);
        if (progress is null) return MartenOps.Nothing();
        progress.CohortId = transferred.CohortId;
        progress.AcademicYear = transferred.AcademicYear;
        return MartenOps.Store(progress);
    }
}
