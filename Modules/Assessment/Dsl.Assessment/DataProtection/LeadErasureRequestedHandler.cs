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

        await EraseSkillsReviewAsync(session, id, kinds, ct);
        return new AssessmentLeadErased { RequestId = request.RequestId, EnrolmentId = id, Kinds = kinds };
    }

    private static async Task EraseSkillsReviewAsync(IDocumentSession session, Guid id, List<string> kinds, CancellationToken ct)
    {
        var contacts = await session.Query<RaterContact>().Where(c => c.EnrolmentId == id).ToListAsync(ct);
        foreach (var contact in contacts) session.Delete(contact);
        if (contacts.Count > 0) kinds.Add("raterEmails");
        var responses = await session.Query<RaterResponse>().Where(r => r.EnrolmentId == id).ToListAsync(ct);
        foreach (var response in responses) session.Delete(response);
        if (responses.Count > 0) kinds.Add("raterAnswers");

        var reviews = await session.Query<SkillsReview>().Where(r => r.EnrolmentId == id).ToListAsync(ct);
        foreach (var review in reviews)
        {
            review.SelfRatings = [];
            if (review.Report is { } report)
                review.Report = report with { Comments = report.Comments.Select(c => c with { Text = Erasure.Placeholder }).ToList() };
        }
        session.Store(reviews.ToArray());
        if (reviews.Count > 0) kinds.Add("skillsReviewAnswersAndComments");

        var coaching = await session.Query<CoachingSession>().Where(c => c.EnrolmentId == id).ToListAsync(ct);
        foreach (var conversation in coaching)
        {
            conversation.Goal = Erasure.Placeholder;
            conversation.Reality = Erasure.Placeholder;
            conversation.Options = Erasure.Placeholder;
            conversation.WayForward = Erasure.Placeholder;
        }
        session.Store(coaching.ToArray());
        if (coaching.Count > 0) kinds.Add("coachingContent");

        if (await session.LoadAsync<DevelopmentPlan>(id, ct) is { } plan)
        {
            foreach (var item in plan.Items)
            {
                item.Action = Erasure.Placeholder;
                item.SuccessMeasure = Erasure.Placeholder;
                item.Notes = item.Notes.Select(n => n with { Text = Erasure.Placeholder }).ToList();
            }
            session.Store(plan);
            kinds.Add("developmentPlan");
        }

        if (await session.LoadAsync<ReviewedLead>(id, ct) is { } lead)
        {
            lead.LeadName = Erasure.Placeholder;
            session.Store(lead);
            kinds.Add("leadName");
        }
    }
}
