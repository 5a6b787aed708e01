using System.Text.Json;
using Marten.Schema;

namespace Dsl.Assessment.Framework;

/// <summary>
/// Seeds the framework from the versioned file shipped with the module. An element is written only when it is missing
/// or was seeded from an older version, so an admin's edit survives restarts until a new framework version ships.
/// </summary>
public sealed class SeedSelfAssessmentFramework : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var framework = Load();
        await using var session = store.LightweightSession();
        var existing = (await session.Query<FrameworkElement>().ToListAsync(cancellation)).ToDictionary(e => e.Code);
        foreach (var element in framework.Elements)
        {
            if (existing.TryGetValue(element.Code, out var current) && current.FrameworkVersion >= framework.Version)
                continue;
            element.FrameworkVersion = framework.Version;
            session.Store(element);
        }
        await session.SaveChangesAsync(cancellation);
    }

    private static FrameworkFile? _cached;

    public static FrameworkFile Load()
    {
        if (_cached is not null) return _cached;
        using var stream = typeof(SeedSelfAssessmentFramework).Assembly.GetManifestResourceStream("self-assessment-framework.json")
                           ?? throw new InvalidOperationException("self-assessment-framework.json is not embedded in Dsl.Assessment");
        return _cached = JsonSerializer.Deserialize<FrameworkFile>(stream, JsonOptions)!;
    }

    /// <summary>The eight element codes in framework order.</summary>
    public static IReadOnlyList<string> ElementCodes => Load().Elements.OrderBy(e => e.Number).Select(e => e.Code).ToList();

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public sealed record FrameworkFile(int Version, string Source, List<ScaleLevel> Scale, List<FrameworkElement> Elements);
}
