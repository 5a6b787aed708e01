using Dsl.Curriculum.Elements;

namespace Dsl.Curriculum;

public static class CurriculumModule
{
    public const string Schema = "curriculum";

    public static WolverineOptions AddCurriculumModule(this WolverineOptions opts)
    {
        opts.AddModule<ICurriculumStore>(Schema, store =>
            {
                store.Schema.For<Element>().Identity(e => e.Code).UseNumericRevisions(true);
            })
            .InitializeWith(new SeedElementCatalogue());
        return opts;
    }
}
