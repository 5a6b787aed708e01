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
        return opts;
    }
}

/// <summary>Settings under Dsl:Assessment.</summary>
public sealed class AssessmentOptions
{
    /// <summary>How long after a submission the next review is due once the lead is in embedding (termly: 13 weeks).</summary>
    public TimeSpan ReviewInterval { get; set; } = TimeSpan.FromDays(7 * 13);
}
