using Dsl.Assessment.ActionPlans;
using Dsl.Assessment.Enrolments;
using Dsl.Assessment.Profiles;
using Dsl.Assessment.SelfAssessments;
using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.DataProtection;

public static class LeadErasureRequestedHandler
{
    /// <summary>
    /// Anonymises the free text written during the lead's enrolment, which may name or describe them: self-assessment
    /// evidence, needs and prompt notes; action plan owners' and stakeholders' names, progress notes and comments; the
    /// lead's remit statement and reporting line. Levels, statuses and dates stay, so the progress picture and the
    /// events other modules took from them hold. Idempotent.
    /// </summary>
    public static async Task<AssessmentLeadErased> Handle(LeadErasureRequested request, IDocumentSession session, CancellationToken ct)
    {
        var id = request.EnrolmentId;
        var kinds = new List<string>();

        var assessments = await session.Query<SelfAssessment>().Where(s => s.EnrolmentId == id).ToListAsync(ct);
        foreach (var assessment in assessments)
            assessment.Elements = assessment.Elements.ToDictionary(e => e.Key, e => e.Value with
            {
                Evidence = Erasure.Blank(e.Value.Evidence), Need = Erasure.Blank(e.Value.Need),
                PromptNotes = e.Value.PromptNotes?.ToDictionary(n => n.Key, _ => Erasure.Placeholder),
            });
        session.Store(assessments.ToArray());
        if (assessments.Count > 0) kinds.Add("selfAssessmentText");

        var plans = await session.Query<ActionPlan>().Where(p => p.EnrolmentId == id).ToListAsync(ct);
        foreach (var plan in plans)
        {
            foreach (var action in plan.Actions)
            {
                if (action.Owner is { } owner) action.Owner = owner with { Name = Erasure.Blank(owner.Name) };
                action.Stakeholders = action.Stakeholders.Select(s => s with { Name = Erasure.Blank(s.Name) }).ToList();
                action.Notes = action.Notes.Select(n => n with { Text = Erasure.Placeholder }).ToList();
            }
            plan.Comments = plan.Comments.Select(c => c with { Text = Erasure.Placeholder }).ToList();
            plan.NoActionNeeded = plan.NoActionNeeded.ToDictionary(n => n.Key, _ => Erasure.Placeholder);
        }
        session.Store(plans.ToArray());
        if (plans.Count > 0) kinds.Add("actionPlanNamesAndNotes");

        if (await session.LoadAsync<AssessedEnrolment>(id, ct) is { } enrolment
            && await session.LoadAsync<LeadProfile>(enrolment.SettingUrn, ct) is { } profile)
        {
            profile.RemitStatement = Erasure.Blank(profile.RemitStatement);
            profile.SltLine = Erasure.Blank(profile.SltLine);
            session.Store(profile);
            kinds.Add("leadRemit");
        }

        return new AssessmentLeadErased { RequestId = request.RequestId, EnrolmentId = id, Kinds = kinds };
    }
}
