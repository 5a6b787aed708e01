using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment.AcademicYears;
using Dsl.Enrolment.DataProtection;
using Dsl.Enrolment.Cohorts;
using Dsl.Enrolment.Enrolments;
using Dsl.Enrolment.Placement;
using Dsl.Enrolment.Settings;
using Dsl.Enrolment.Settings.Import;
using JasperFx.Events.Projections;

namespace Dsl.Enrolment;

// Inside the namespace, so the alias wins over the namespace Dsl.Enrolment of the same name.
#pragma warning disable IDE0065
using Enrolment = Dsl.Enrolment.Enrolments.Enrolment;
#pragma warning restore IDE0065

public static class EnrolmentModule
{
    public const string Schema = "enrolment";

    public static WolverineOptions AddEnrolmentModule(this WolverineOptions opts)
    {
        opts.AddModule<IEnrolmentStore>(Schema, store =>
            {
                store.Schema.For<AcademicYear>().UseNumericRevisions(true);
                store.Schema.For<Setting>().Identity(s => s.Urn).UseNumericRevisions(true);
                store.Schema.For<Cohort>().UseNumericRevisions(true).Duplicate(c => c.AcademicYearId);
                store.Schema.For<AnnouncedCohort>();
                store.Schema.For<Lead>();
                store.Schema.For<SettingPlace>();
                // The enrolment's projection is written in the same transaction as its events, so place
                // counts read under the year lock are always current.
                store.Projections.Snapshot<Enrolment>(SnapshotLifecycle.Inline);
                store.Schema.For<Enrolment>()
                    .Duplicate(e => e.AcademicYearId)
                    .Duplicate(e => e.CohortId)
                    .Duplicate(e => e.HoldsPlace)
                    .Duplicate(e => e.SettingUrn)
                    .Duplicate(e => e.ListKey)
                    // A cohort's roster, in list order, straight from the index instead of sorting the cohort.
                    .Index(e => new { e.CohortId, e.ListKey }, index =>
                    {
                        index.Name = "ix_enrolment_roster";
                        index.Predicate = "holds_place";
                    });
                store.Storage.Add(new CohortOccupancyTable.Feature(store.Advanced.Migrator));
                store.Schema.For<ErasureRecord>().Duplicate(r => r.EnrolmentId);
                store.Schema.For<DailyRunSchedule>();
                // The endorser's name is the one piece of personal data inside an event body (ADR 0032).
                store.Events.AddMaskingRuleForProtectedInformation<Endorsed>(e => e with { EndorserName = Erasure.Placeholder });
            })
            .InitializeWith(new SeedProgrammeYears());

        opts.DeclarePersonalData<IEnrolmentStore>()
            .Holds<Lead>("name, email and job title replaced by a placeholder; the document stays, so the enrolment still has a lead",
                "lead's name", "lead's email", "lead's job title", "whether the lead is on the senior leadership team")
            .Holds<Enrolment>("endorser's name replaced by a placeholder, here and (masked) in the stored Endorsed events; every other fact stays for the reports",
                "endorser's (head teacher's) name and role")
            .HoldsUntil<ErasureRecord>("as long as the programme's records", "kept: the record that the erasure was asked for and done",
                "the admin's reason for the erasure (free text)")
            .NoPersonalData(typeof(AcademicYear), typeof(Setting), typeof(Cohort), typeof(AnnouncedCohort), typeof(SettingPlace),
                typeof(DailyRunSchedule));

        opts.Services.AddOptions<EnrolmentOptions>().BindConfiguration("Dsl:Enrolment");
        opts.Services.AddSingleton<SettingsImporter>();
        opts.Services.AddHostedService<Reports.CohortGauges>();
        // Publishes cohort-scheduled for cohorts that existed before the event did (once; a no-op after that).
        opts.Services.AddHostedService<AnnounceExistingCohortsOnStart>();
        // Daily runs (ADR 0041): durable scheduled chains; each start, and every hour, begins one that is missing.
        opts.Services.AddDailyRun(new ApplyRetention());
        opts.Services.AddDailyRun(new SweepInactiveEnrolments());
        return opts;
    }
}
