using System.Text.Json;
using Marten.Schema;

namespace Dsl.Curriculum.Elements;

/// <summary>
/// Seeds the eight elements from the versioned catalogue shipped with the module. An element is
/// written only when it is missing or was seeded from an older catalogue version, so an admin's
/// edit survives restarts until a new catalogue version is released.
/// </summary>
public sealed class SeedElementCatalogue : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var catalogue = Load();
        await using var session = store.LightweightSession();
        var existing = (await session.Query<Element>().ToListAsync(cancellation)).ToDictionary(e => e.Code);
        foreach (var element in catalogue.Elements)
        {
            if (existing.TryGetValue(element.Code, out var current) && current.CatalogueVersion >= catalogue.Version)
                continue;
            element.CatalogueVersion = catalogue.Version;
            session.Store(element);
        }
        await session.SaveChangesAsync(cancellation);
    }

    public static Catalogue Load()
    {
        using var stream = typeof(SeedElementCatalogue).Assembly.GetManifestResourceStream("element-catalogue.json")
                           ?? throw new InvalidOperationException("element-catalogue.json is not embedded in Dsl.Curriculum");
        return JsonSerializer.Deserialize<Catalogue>(stream, JsonOptions)!;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public sealed record Catalogue(int Version, string Source, List<Element> Elements);
}
