using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.Enrolments;

/// <summary>A transfer moves the enrolment to the new cohort, and so to its facilitator.</summary>
public static class EnrolmentTransferredHandler
{
    public static async Task<IMartenOp> Handle(EnrolmentTransferred transferred, IDocumentSession session, CancellationToken ct)
    {
        var enrolment = await session.LoadAsync<AssessedEnrolment>(transferred.EnrolmentId, ct);
        if (enrolment is null) return MartenOps.Nothing();
        enrolment.CohortId = transferred.CohortId;
        enrolment.Region = transferred.Region;
        enrolment.AcademicYear = transferred.AcademicYear;
        return MartenOps.Store(enrolment);
    }
}
