namespace Dsl.Assessment;

public static class AssessmentModule
{
    public const string Schema = "assessment";

    public static WolverineOptions AddAssessmentModule(this WolverineOptions opts)
    {
        opts.AddModule<IAssessmentStore>(Schema);
        return opts;
    }
}
