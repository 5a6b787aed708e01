using Dsl.Curriculum.Calendars;
using Dsl.Curriculum.Certificates;
using Dsl.Curriculum.Cohorts;
using Dsl.Curriculum.Elements;
using Dsl.Curriculum.Enrolments;
using Dsl.Curriculum.Outcomes;
using Dsl.Curriculum.Progress;
using Dsl.Curriculum.Resources;
using Dsl.Curriculum.Support;
using Dsl.Curriculum.Workshops;
using Dsl.BuildingBlocks.Messaging;
using Dsl.Enrolment.Contracts;

namespace Dsl.Curriculum;

public static class CurriculumModule
{
    public const string Schema = "curriculum";

    public static WolverineOptions AddCurriculumModule(this WolverineOptions opts)
    {
        opts.AddModule<ICurriculumStore>(Schema, store =>
            {
                store.Schema.For<Element>().Identity(e => e.Code).UseNumericRevisions(true);
                store.Schema.For<CurriculumCohort>();
                store.Schema.For<LeadProgress>().Duplicate(p => p.CohortId);
                store.Schema.For<EnrolmentTrack>();
                store.Schema.For<Workshop>().UseNumericRevisions(true).Duplicate(w => w.CohortId);
                store.Schema.For<Attendance>().Duplicate(a => a.WorkshopId).Duplicate(a => a.EnrolmentId);
                store.Schema.For<SupportContact>().Duplicate(s => s.EnrolmentId);
                store.Schema.For<OutcomeSignOff>().Duplicate(s => s.EnrolmentId);
                store.Schema.For<Resource>().UseNumericRevisions(true);
                store.Schema.For<CalendarLink>().UniqueIndex(l => l.TokenHash);
                store.Schema.For<LeadCertificateName>();
                store.Schema.For<Certificate>().Duplicate(c => c.EnrolmentId);
                store.Schema.For<DailyRunSchedule>();
            })
            .InitializeWith(new SeedElementCatalogue())
            .InitializeWith(new SeedCatalogueResources());

        opts.TakeInBatches<CurriculumEnrolmentUpdate>(CurriculumEnrolmentUpdate.Queue)
            .From<EnrolmentSubmitted>(submitted => new(Submitted: submitted))
            .From<EnrolmentConfirmed>(confirmed => new(Confirmed: confirmed))
            .From<LeadNamed>(named => new(Named: named))
            .Combining((first, second) => new(first.Submitted ?? second.Submitted, first.Confirmed ?? second.Confirmed, first.Named ?? second.Named));

        opts.DeclarePersonalData<ICurriculumStore>()
            .Holds<LeadCertificateName>("lead's name replaced by a placeholder", "lead's name (for the certificate)")
            .Holds<Attendance>("note replaced by a placeholder; the mark stays", "facilitator's register note about the lead")
            .Holds<SupportContact>("note replaced by a placeholder; mode, minutes and elements stay", "facilitator's note of support given to the lead")
            .Holds<OutcomeSignOff>("evidence and withdrawal reason replaced by a placeholder; the sign-off stays",
                "facilitator's evidence about the lead's learning")
            .Holds<CalendarLink>("links to the lead's own calendar deleted", "who made a private calendar link (user id)")
            .NoPersonalData(typeof(Element), typeof(CurriculumCohort), typeof(LeadProgress), typeof(EnrolmentTrack), typeof(Workshop),
                typeof(Resource), typeof(Certificate), typeof(DailyRunSchedule));

        opts.Services.AddOptions<CurriculumOptions>().BindConfiguration("Dsl:Curriculum");
        // The daily look for leads overdue for embedding (ADR 0041); each start, and every hour, begins its chain if missing.
        opts.Services.AddDailyRun(new SweepReflectivePlanningDue());
        return opts;
    }
}
