using Dsl.Assessment.ActionPlans;
using Dsl.Assessment.Enrolments;
using Dsl.Assessment.Framework;
using Dsl.Assessment.Interventions;
using Dsl.Assessment.Profiles;
using Dsl.Assessment.Provision;
using Dsl.Assessment.SelfAssessments;

namespace Dsl.Assessment;

public static class AssessmentModule
{
    public const string Schema = "assessment";

    public static WolverineOptions AddAssessmentModule(this WolverineOptions opts)
    {
        opts.Services.AddOptions<AssessmentOptions>().BindConfiguration("Dsl:Assessment");
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
            })
            .InitializeWith(new SeedSelfAssessmentFramework());
        opts.DeclarePersonalData<IAssessmentStore>()
            .Holds<SelfAssessment>("evidence, needs and prompt notes replaced by a placeholder; levels stay",
                "free-text evidence and needs that may name the lead or staff")
            .Holds<ActionPlan>("owners' and stakeholders' names, progress notes, comments and no-action reasons replaced by a placeholder",
                "action owners' and stakeholders' names", "progress notes and facilitator comments")
            .Holds<LeadProfile>("the lead's remit statement and reporting line replaced by a placeholder; champions (other staff) stay",
                "the lead's remit and reporting line", "wellbeing champions' names and roles (staff)")
            .HoldsUntil<AssessorGrant>("until the award application closes", "kept: an assessor's access, by user id", "assessor's user id")
            .NoPersonalData(typeof(FrameworkElement), typeof(AssessedEnrolment), typeof(AssessedCohort), typeof(ProvisionMap),
                typeof(Intervention));
        return opts;
    }
}

/// <summary>Settings under Dsl:Assessment.</summary>
public sealed class AssessmentOptions
{
    /// <summary>How long after a submission the next review is due once the lead is in embedding (termly: 13 weeks).</summary>
    public TimeSpan ReviewInterval { get; set; } = TimeSpan.FromDays(7 * 13);
}
