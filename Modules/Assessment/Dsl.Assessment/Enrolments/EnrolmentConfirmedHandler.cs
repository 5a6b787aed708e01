using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.Enrolments;

/// <summary>A confirmed place lets the setting start its self-assessment and plan (idempotent on redelivery).</summary>
public static class EnrolmentConfirmedHandler
{
    public static async Task<IMartenOp> Handle(EnrolmentConfirmed confirmed, IDocumentSession session, CancellationToken ct)
    {
        var enrolment = await session.LoadAsync<AssessedEnrolment>(confirmed.EnrolmentId, ct) ?? new AssessedEnrolment { Id = confirmed.EnrolmentId };
        enrolment.SettingUrn = confirmed.SettingUrn;
        enrolment.CohortId = confirmed.CohortId;
        enrolment.Region = confirmed.Region;
        enrolment.AcademicYear = confirmed.AcademicYear;
        return MartenOps.Store(enrolment);
    }
}
