using Dsl.BuildingBlocks.DataProtection;

namespace Dsl.Host.DataProtection;

/// <summary>The personal-data inventory: per module, which documents hold which kinds of personal data, why, how long, and erasure.</summary>
public sealed record InventoryView(IReadOnlyList<PersonalDataHolding> Holdings, IReadOnlyDictionary<string, IReadOnlyList<string>> NoPersonalData);

public static class GetInventoryEndpoint
{
    /// <summary>
    /// Every module's documents holding personal data (kinds, lawful basis, retention, what erasure does) and the
    /// documents declared to hold none (admin). The same inventory as the README's; a test keeps it complete.
    /// </summary>
    [Authorize(Roles = Roles.Admin)]
    [WolverineGet("/api/data-protection/inventory", OperationId = "GetPersonalDataInventory")]
    [Tags(ApiTags.DataProtection)]
    [EndpointSummary("Get the personal-data inventory")]
    public static InventoryView Get(IEnumerable<ModuleInventory> inventories)
    {
        var ordered = inventories.OrderBy(i => i.Module, StringComparer.Ordinal).ToList();
        return new InventoryView(ordered.SelectMany(i => i.Holdings).ToList(),
            ordered.ToDictionary(i => i.Module, i => (IReadOnlyList<string>)i.WithoutPersonalData.Select(t => t.Name).Order().ToList()));
    }
}
