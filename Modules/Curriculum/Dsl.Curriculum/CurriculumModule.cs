using Dsl.Curriculum.Elements;
using Dsl.Curriculum.Resources;

namespace Dsl.Curriculum;

public static class CurriculumModule
{
    public const string Schema = "curriculum";

    public static WolverineOptions AddCurriculumModule(this WolverineOptions opts)
    {
        opts.AddModule<ICurriculumStore>(Schema, store =>
            {
                store.Schema.For<Element>().Identity(e => e.Code).UseNumericRevisions(true);
                store.Schema.For<Resource>().UseNumericRevisions(true);
            })
            .InitializeWith(new SeedElementCatalogue())
            .InitializeWith(new SeedCatalogueResources());
        return opts;
    }
}
