using Marten.Schema;

namespace Dsl.Assessment.Framework;

/// <summary>Seeds the framework from the versioned file shipped with the module (see <see cref="FrameworkSeeding"/>).</summary>
public sealed class SeedSelfAssessmentFramework : IInitialData
{
    public Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var framework = Load();
        return FrameworkSeeding.SeedAsync(store, framework.Elements, framework.Version, cancellation);
    }

    private static FrameworkFile? _cached;

    public static FrameworkFile Load() => _cached ??= FrameworkSeeding.Load<FrameworkFile>("self-assessment-framework.json");

    /// <summary>The eight element codes in framework order.</summary>
    public static IReadOnlyList<string> ElementCodes => Load().Elements.OrderBy(e => e.Number).Select(e => e.Code).ToList();

    public sealed record FrameworkFile(int Version, string Source, List<ScaleLevel> Scale, List<FrameworkElement> Elements);
}
