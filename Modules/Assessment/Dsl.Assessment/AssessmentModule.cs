using Dsl.Assessment.ActionPlans;
using Dsl.Assessment.Coaching;
using Dsl.Assessment.DevelopmentPlans;
using Dsl.Assessment.Enrolments;
using Dsl.Assessment.Framework;
using Dsl.Assessment.Interventions;
using Dsl.Assessment.Profiles;
using Dsl.Assessment.Provision;
using Dsl.Assessment.SelfAssessments;
using Dsl.Assessment.SkillsFramework;
using Dsl.Assessment.SkillsReviews;
using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment.Contracts;

namespace Dsl.Assessment;

public static class AssessmentModule
{
    public const string Schema = "assessment";

    public static WolverineOptions AddAssessmentModule(this WolverineOptions opts)
    {
        opts.Services.AddOptions<AssessmentOptions>().BindConfiguration("Dsl:Assessment");
        opts.TakeInBatches<AssessmentEnrolmentUpdate>(AssessmentEnrolmentUpdate.Queue)
            .From<EnrolmentConfirmed>(confirmed => new(Confirmed: confirmed))
            .From<LeadNamed>(named => new(Named: named))
            .Combining((first, second) => new(first.Confirmed ?? second.Confirmed, first.Named ?? second.Named));
        opts.AddModule<IAssessmentStore>(Schema, store =>
            {
                store.Schema.For<FrameworkElement>().Identity(e => e.Code).UseNumericRevisions(true);
                store.Schema.For<SelfAssessment>().UseNumericRevisions(true).Index(s => s.SettingUrn);
                store.Schema.For<ActionPlan>().UseNumericRevisions(true).Index(p => p.EnrolmentId);
                store.Schema.For<AssessedEnrolment>();
                store.Schema.For<AssessedCohort>();
                store.Schema.For<AssessorGrant>().Index(g => g.SettingUrn);
                store.Schema.For<ProvisionMap>().UseNumericRevisions(true);
                store.Schema.For<Intervention>().Index(i => i.SettingUrn);
                store.Schema.For<LeadProfile>().UseNumericRevisions(true);
                store.Schema.For<Competency>().Identity(c => c.Code).UseNumericRevisions(true);
                store.Schema.For<SkillsReview>().UseNumericRevisions(true).Index(r => r.EnrolmentId);
                store.Schema.For<RaterInvitation>().UseNumericRevisions(true).Index(i => i.ReviewId).UniqueIndex(i => i.TokenHash);
                // Found by enrolment id for erasure and export (issue 18).
                store.Schema.For<RaterContact>().Index(c => c.ReviewId).Index(c => c.EnrolmentId);
                store.Schema.For<RaterResponse>().Index(r => r.ReviewId).Index(r => r.EnrolmentId);
                store.Schema.For<ReviewedLead>();
                store.Schema.For<CoachingSession>().Index(s => s.ReviewId).Index(s => s.EnrolmentId);
                store.Schema.For<DevelopmentPlan>().UseNumericRevisions(true);
            })
            .InitializeWith(new SeedSelfAssessmentFramework(), new SeedSkillsFramework());
        opts.DeclarePersonalData<IAssessmentStore>()
            .Holds<SelfAssessment>("evidence, needs and prompt notes replaced by a placeholder; levels stay",
                "free-text evidence and needs that may name the lead or staff")
            .Holds<ActionPlan>("owners' and stakeholders' names, progress notes, comments and no-action reasons replaced by a placeholder",
                "action owners' and stakeholders' names", "progress notes and facilitator comments")
            .Holds<LeadProfile>("the lead's remit statement and reporting line replaced by a placeholder; champions (other staff) stay",
                "the lead's remit and reporting line", "wellbeing champions' names and roles (staff)")
            .HoldsUntil<AssessorGrant>("until the award application closes", "kept: an assessor's access, by user id", "assessor's user id")
            .Holds<SkillsReview>("the lead's own ratings cleared and the report's rater comments replaced by a placeholder; the computed scores stay",
                "the lead's own skills ratings", "raters' comments in the report (unattributed)")
            .HoldsUntil<RaterContact>("until the review closes (deleted then)", "deleted", "a rater's email address")
            .HoldsUntil<RaterResponse>("until the review closes (deleted then)", "deleted", "a rater's answers and comments (anonymous)")
            .Holds<ReviewedLead>("name replaced by a placeholder", "the lead's name (raters see the first name)")
            .Holds<CoachingSession>("goal, reality, options and way forward replaced by a placeholder; date and minutes stay",
                "GROW coaching content")
            .Holds<DevelopmentPlan>("actions, success measures and notes replaced by a placeholder; statuses and dates stay",
                "development plan actions and notes")
            .NoPersonalData(typeof(FrameworkElement), typeof(AssessedEnrolment), typeof(AssessedCohort), typeof(ProvisionMap),
                typeof(Intervention), typeof(Competency), typeof(RaterInvitation));
        return opts;
    }
}

/// <summary>Settings under Dsl:Assessment.</summary>
public sealed class AssessmentOptions
{
    /// <summary>How long after a submission the next review is due once the lead is in embedding (termly: 13 weeks).</summary>
    public TimeSpan ReviewInterval { get; set; } = TimeSpan.FromDays(7 * 13);

    /// <summary>How long a rater's link to a management-skills review works, and a review's default deadline (21 days).</summary>
    public TimeSpan RaterLinkExpiry { get; set; } = TimeSpan.FromDays(21);
}
