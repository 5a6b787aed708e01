using Marten.Schema;

namespace Dsl.Assessment.SkillsFramework;

/// <summary>Seeds the competencies from the versioned file shipped with the module (see <see cref="FrameworkSeeding"/>).</summary>
public sealed class SeedSkillsFramework : IInitialData
{
    public Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var framework = Load();
        return FrameworkSeeding.SeedAsync(store, framework.Competencies, framework.Version, cancellation);
    }

    private static FrameworkFile? _cached;

    public static FrameworkFile Load() => _cached ??= FrameworkSeeding.Load<FrameworkFile>("skills-framework.json");

    public sealed record FrameworkFile(int Version, string Source, List<RatingLevel> Scale, List<Competency> Competencies);
}
