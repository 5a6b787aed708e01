using System.Text.Json;
using Marten.Schema;

namespace Dsl.Assessment.SkillsFramework;

/// <summary>
/// Seeds the competencies from the versioned file shipped with the module, like the self-assessment framework: a
/// competency is written only when missing or seeded from an older version, so an admin's edit survives restarts.
/// </summary>
public sealed class SeedSkillsFramework : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var framework = Load();
        await using var session = store.LightweightSession();
        var existing = (await session.Query<Competency>().ToListAsync(cancellation)).ToDictionary(c => c.Code);
        foreach (var competency in framework.Competencies)
        {
            if (existing.TryGetValue(competency.Code, out var current) && current.FrameworkVersion >= framework.Version)
                continue;
            competency.FrameworkVersion = framework.Version;
            session.Store(competency);
        }
        await session.SaveChangesAsync(cancellation);
    }

    private static FrameworkFile? _cached;

    public static FrameworkFile Load()
    {
        if (_cached is not null) return _cached;
        using var stream = typeof(SeedSkillsFramework).Assembly.GetManifestResourceStream("skills-framework.json")
                           ?? throw new InvalidOperationException("skills-framework.json is not embedded in Dsl.Assessment");
        return _cached = JsonSerializer.Deserialize<FrameworkFile>(stream, JsonOptions)!;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public sealed record FrameworkFile(int Version, string Source, List<RatingLevel> Scale, List<Competency> Competencies);
}
