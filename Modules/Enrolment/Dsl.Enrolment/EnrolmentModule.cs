using Dsl.BuildingBlocks.Persistence;
using Dsl.Enrolment.AcademicYears;
using Wolverine;

namespace Dsl.Enrolment;

public static class EnrolmentModule
{
    public const string Schema = "enrolment";

    public static WolverineOptions AddEnrolmentModule(this WolverineOptions opts)
    {
        opts.AddModule<IEnrolmentStore>(Schema, store =>
            {
                store.Schema.For<AcademicYear>().UseNumericRevisions(true);
            })
            .InitializeWith(new SeedProgrammeYears());
        return opts;
    }
}
