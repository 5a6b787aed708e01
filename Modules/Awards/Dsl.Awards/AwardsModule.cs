namespace Dsl.Awards;

public static class AwardsModule
{
    public const string Schema = "awards";

    public static WolverineOptions AddAwardsModule(this WolverineOptions opts)
    {
        opts.AddModule<IAwardsStore>(Schema);
        opts.DeclarePersonalData<IAwardsStore>();
        return opts;
    }
}
