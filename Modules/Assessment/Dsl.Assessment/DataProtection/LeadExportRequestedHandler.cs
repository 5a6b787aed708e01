using Dsl.Assessment.ActionPlans;
using Dsl.Assessment.Coaching;
using Dsl.Assessment.DevelopmentPlans;
using Dsl.Assessment.Enrolments;
using Dsl.Assessment.Profiles;
using Dsl.Assessment.SelfAssessments;
using Dsl.Assessment.SkillsReviews;
using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.DataProtection;

public static class LeadExportRequestedHandler
{
    /// <summary>
    /// Assessment's part: the enrolment's self-assessments and action plans, the lead's role and remit, their skills
    /// reviews (own ratings and the report), coaching sessions and development plan. Raters' addresses and answers are
    /// the raters' data, and anonymous: not part of the lead's export.
    /// </summary>
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
                nameForRaters = (await session.LoadAsync<ReviewedLead>(id, ct))?.LeadName,
                skillsReviews = await session.Query<SkillsReview>().Where(r => r.EnrolmentId == id).ToListAsync(ct),
                coachingSessions = await session.Query<CoachingSession>().Where(c => c.EnrolmentId == id).ToListAsync(ct),
                developmentPlan = await session.LoadAsync<DevelopmentPlan>(id, ct),
            }),
        };
    }
}
