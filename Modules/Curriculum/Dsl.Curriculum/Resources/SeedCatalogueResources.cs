using Dsl.Curriculum.Elements;
using Marten.Schema;

namespace Dsl.Curriculum.Resources;

/// <summary>
/// Seeds a resource for each link in the element catalogue. A link shared by several elements becomes one
/// resource naming all of them. Only missing resources are written, so an admin's change or retirement survives restarts.
/// </summary>
public sealed class SeedCatalogueResources : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var links = SeedElementCatalogue.Load().Elements
            .SelectMany(e => e.Resources.Select(r => (Element: e.Code, r.Title, r.Url)))
            .GroupBy(l => l.Url)
            .ToList();
        await using var session = store.LightweightSession();
        var ids = links.Select(l => Resource.CatalogueIdFor(l.Key)).ToArray();
        var existing = (await session.LoadManyAsync<Resource>(cancellation, ids)).Select(r => r.Id).ToHashSet();
        foreach (var link in links)
        {
            var id = Resource.CatalogueIdFor(link.Key);
            if (existing.Contains(id)) continue;
            var title = link.First().Title;
            session.Insert(new Resource
            {
                Id = id, Title = title, Url = link.Key, Kind = ResourceRules.GuessKind(title, link.Key),
                Publisher = ResourceRules.PublisherFor(link.Key), ElementCodes = link.Select(l => l.Element).Distinct().ToList(),
                FromCatalogue = true, Version = 1,
            });
        }
        await session.SaveChangesAsync(cancellation);
    }
}
