using Dsl.Assessment.ActionPlans;
using Dsl.Assessment.Coaching;
using Dsl.Assessment.DevelopmentPlans;
using Dsl.Assessment.Enrolments;
using Dsl.Assessment.Profiles;
using Dsl.Assessment.SelfAssessments;
using Dsl.Assessment.SkillsReviews;
using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment.DataProtection;

public static class LeadErasureRequestedHandler
{
    /// <summary>
    /// Anonymises the free text written during the lead's enrolment, which may name or describe them: self-assessment
    /// evidence, needs and prompt notes; action plan owners' and stakeholders' names, progress notes and comments; the
    /// lead's remit statement and reporting line. From the management-skills review: raters' addresses and answers
    /// (normally gone once the review closed), the lead's own ratings, the report's rater comments, coaching content, the
    /// development plan's text and the lead's name. Levels, scores, statuses and dates stay, so the progress picture and
    /// the events other modules took from them hold. Idempotent.
    /// </summary>
    public static async Task<AssessmentLeadErased> Handle(LeadErasureRequested request, IDocumentSession session, CancellationToken ct)
    {
        var id = request.EnrolmentId;
        var erased = new ErasedKinds(session);
        await erased.AnonymiseAsync<SelfAssessment>("selfAssessmentText", s => s.EnrolmentId == id, s =>
            s.Elements = s.Elements.ToDictionary(e => e.Key, e => e.Value with
            {
                Evidence = Erasure.Blank(e.Value.Evidence), Need = Erasure.Blank(e.Value.Need),
                PromptNotes = e.Value.PromptNotes?.ToDictionary(n => n.Key, _ => Erasure.Placeholder),
            }), ct);
        await erased.AnonymiseAsync<ActionPlan>("actionPlanNamesAndNotes", p => p.EnrolmentId == id, ErasePlan, ct);
        if (await session.LoadAsync<AssessedEnrolment>(id, ct) is { } enrolment)
            await erased.AnonymiseAsync<LeadProfile>("leadRemit", enrolment.SettingUrn, p =>
            {
                p.RemitStatement = Erasure.Blank(p.RemitStatement);
                p.SltLine = Erasure.Blank(p.SltLine);
            }, ct);

        await erased.DeleteAsync<RaterContact>("raterEmails", c => c.EnrolmentId == id, ct);
        await erased.DeleteAsync<RaterResponse>("raterAnswers", r => r.EnrolmentId == id, ct);
        await erased.AnonymiseAsync<SkillsReview>("skillsReviewAnswersAndComments", r => r.EnrolmentId == id, r =>
        {
            r.SelfRatings = [];
            if (r.Report is { } report)
                r.Report = report with { Comments = report.Comments.Select(c => c with { Text = Erasure.Placeholder }).ToList() };
        }, ct);
        await erased.AnonymiseAsync<CoachingSession>("coachingContent", c => c.EnrolmentId == id, c =>
        {
            c.Goal = Erasure.Placeholder;
            c.Reality = Erasure.Placeholder;
            c.Options = Erasure.Placeholder;
            c.WayForward = Erasure.Placeholder;
        }, ct);
        await erased.AnonymiseAsync<DevelopmentPlan>("developmentPlan", id, p =>
        {
            foreach (var item in p.Items)
            {
                item.Action = Erasure.Placeholder;
                item.SuccessMeasure = Erasure.Placeholder;
                item.Notes = item.Notes.Select(n => n with { Text = Erasure.Placeholder }).ToList();
            }
        }, ct);
        await erased.AnonymiseAsync<ReviewedLead>("leadName", id, l => l.LeadName = Erasure.Placeholder, ct);

        return new AssessmentLeadErased { RequestId = request.RequestId, EnrolmentId = id, Kinds = erased.Kinds };
    }

    private static void ErasePlan(ActionPlan plan)
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
}
