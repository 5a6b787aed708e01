using System.Text.Json;

namespace Dsl.Assessment;

/// <summary>An item of reference data shipped in a versioned file (a framework element, a competency).</summary>
public interface IFrameworkItem
{
    string Code { get; }
    /// <summary>Version of the file the item was seeded from.</summary>
    int FrameworkVersion { get; set; }
}

/// <summary>
/// Seeds reference data from its versioned file: an item is written only when it is missing or was seeded from an
/// older version, so an admin's edit survives restarts until a new version of the file ships.
/// </summary>
internal static class FrameworkSeeding
{
    public static async Task SeedAsync<T>(IDocumentStore store, IEnumerable<T> items, int version, CancellationToken ct)
        where T : class, IFrameworkItem
    {
        await using var session = store.LightweightSession();
        var existing = (await session.Query<T>().ToListAsync(ct)).ToDictionary(e => e.Code);
        foreach (var item in items)
        {
            if (existing.TryGetValue(item.Code, out var current) && current.FrameworkVersion >= version) continue;
            item.FrameworkVersion = version;
            session.Store(item);
        }
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Reads a versioned file embedded in the module under <paramref name="resourceName"/>.</summary>
    public static TFile Load<TFile>(string resourceName)
    {
        using var stream = typeof(FrameworkSeeding).Assembly.GetManifestResourceStream(resourceName)
                           ?? throw new InvalidOperationException($"{resourceName} is not embedded in Dsl.Assessment");
        return JsonSerializer.Deserialize<TFile>(stream, JsonOptions)!;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
