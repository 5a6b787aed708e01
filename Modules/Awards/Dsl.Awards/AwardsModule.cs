using Dsl.Awards.Applications;
using Dsl.Awards.Awards;
using Dsl.Awards.Credentials;
using Dsl.Awards.Enrolments;
using Dsl.Awards.Journeys;
using Dsl.Awards.Standards;
using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Dsl.Awards;

public static class AwardsModule
{
    public const string Schema = "awards";

    public static WolverineOptions AddAwardsModule(this WolverineOptions opts)
    {
        opts.AddModule<IAwardsStore>(Schema, store =>
        {
            store.Schema.For<AwardsEnrolment>().Duplicate(e => e.SettingUrn);
            store.Schema.For<EnrolmentSettingName>();
            store.Schema.For<EmbeddingCompletion>();
            store.Schema.For<ReportedSelfAssessment>().Duplicate(s => s.SettingUrn);
            store.Schema.For<AwardsCohort>();
            store.Schema.For<AwardApplication>().UseNumericRevisions(true).Duplicate(a => a.SettingUrn).Duplicate(a => a.EnrolmentId);
            store.Schema.For<Award>().Duplicate(a => a.SettingUrn).Duplicate(a => a.CredentialId).Duplicate(a => a.EnrolmentId);
            store.Schema.For<StatusListAllocation>().UseOptimisticConcurrency(true);
            store.Schema.For<StandardsSubscription>().UseNumericRevisions(true).Duplicate(s => s.SettingUrn).Duplicate(s => s.EnrolmentId);
        });
        opts.TakeInBatches<AwardsEnrolmentUpdate>(AwardsEnrolmentUpdate.Queue)
            .From<EnrolmentConfirmed>(confirmed => new(Confirmed: confirmed))
            .From<LeadNamed>(named => new(Named: new(named.EnrolmentId, named.SettingName, named.Region)))
            .Combining((first, second) => new(first.Confirmed ?? second.Confirmed, first.Named ?? second.Named));
        opts.DeclarePersonalData<IAwardsStore>()
            .Holds<AwardApplication>("statements, evidence, judgement comments, evidence requests and feedback replaced by a placeholder; statuses, outcomes and dates stay",
                "statements of impact and evidence (free text that may name the lead)", "assessor's comments and feedback")
            .Holds<Award>("revocation reason replaced by a placeholder; the award and its credential (which name the setting, not the lead) stay",
                "revocation reason (free text)")
            .Holds<StandardsSubscription>("annual review statements replaced by a placeholder; dates and status stay",
                "annual review statements (free text that may name the lead)")
            .NoPersonalData(typeof(AwardsEnrolment), typeof(EnrolmentSettingName), typeof(EmbeddingCompletion), typeof(ReportedSelfAssessment),
                typeof(AwardsCohort), typeof(StatusListAllocation));
        opts.Services.AddOptions<StandardsOptions>().BindConfiguration("Dsl:Awards:Standards");
        opts.Services.AddSingleton(sp => AwardSigningKeys.From(sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<TimeProvider>()));
        return opts;
    }
}
