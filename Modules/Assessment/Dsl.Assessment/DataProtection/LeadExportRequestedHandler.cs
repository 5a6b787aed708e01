using Dsl.Assessment.ActionPlans;
using Dsl.Assessment.Enrolments;
using Dsl.Assessment.Profiles;
using Dsl.Assessment.SelfAssessments;
using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.DataProtection;

public static class LeadExportRequestedHandler
{
    /// <summary>Assessment's part: the enrolment's self-assessments and action plans, and the lead's role and remit.</summary>
    public static async Task<AssessmentLeadExport> Handle(LeadExportRequested request, IQuerySession session, CancellationToken ct)
    {
        var id = request.EnrolmentId;
        var enrolment = await session.LoadAsync<AssessedEnrolment>(id, ct);
        return new AssessmentLeadExport
        {
            RequestId = request.RequestId, EnrolmentId = id,
            Data = Erasure.ExportJson(new
            {
                selfAssessments = await session.Query<SelfAssessment>().Where(s => s.EnrolmentId == id).ToListAsync(ct),
                actionPlans = await session.Query<ActionPlan>().Where(p => p.EnrolmentId == id).ToListAsync(ct),
                profile = enrolment is null ? null : await session.LoadAsync<LeadProfile>(enrolment.SettingUrn, ct),
            }),
        };
    }
}
