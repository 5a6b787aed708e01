using Dsl.BuildingBlocks.Contracts;
using Dsl.BuildingBlocks.DataProtection;
using Dsl.Enrolment.Contracts;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Dsl.Tests.DataProtection;

public sealed class InventoryTests(DslApp app) : ApiTest(app)
{
    private IReadOnlyList<ModuleInventory> Inventories => App.Host.Services.GetServices<ModuleInventory>().ToList();

    private static IEnumerable<Type> DocumentTypes(IDocumentStore store) =>
        store.Options.AllKnownDocumentTypes().Select(m => m.DocumentType).Where(t => t.Namespace?.StartsWith("Dsl.") == true);

    [Fact]
    public void every_document_type_a_module_registers_is_in_the_inventory_or_declared_to_hold_no_personal_data()
    {
        var stores = App.Modules.Select(m => (m.Name, Store: (IDocumentStore)App.Host.Services.GetRequiredService(m.Store)))
            .Append(("Host", App.Host.Services.GetRequiredService<IDocumentStore>()));
        var missing = new List<string>();
        foreach (var (module, store) in stores)
        {
            var inventory = Inventories.SingleOrDefault(i => i.Module == module);
            inventory.ShouldNotBeNull($"{module} declares no part of the personal-data inventory (DeclarePersonalData)");
            // The host's store also comes to know modules' types that endpoints load (they are stored in the modules' schemas).
            var owned = DocumentTypes(store).Where(t => module != "Host" || !App.Modules.Any(m => m.Assembly == t.Assembly));
            missing.AddRange(owned.Where(t => !inventory.Covers(t)).Select(t => $"{module}: {t.Name}"));
        }
        missing.ShouldBeEmpty("documents in neither the inventory nor its no-personal-data list");
    }

    [Fact]
    public void the_readme_lists_every_document_holding_personal_data()
    {
        var readme = File.ReadAllText(Path.Combine(ModuleFolders.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("## Data protection", StringComparison.Ordinal)..];
        Inventories.SelectMany(i => i.Holdings).Where(h => !section.Contains($"`{h.Document}`"))
            .Select(h => $"{h.Module}: {h.Document}").ShouldBeEmpty("holdings missing from the README's inventory");
    }

    [Fact]
    public void every_module_answers_erasure_and_export_requests_and_the_host_hears_each_answer()
    {
        var runtime = App.Host.GetRuntime();
        foreach (var request in new[] { typeof(LeadErasureRequested), typeof(LeadExportRequested) })
        {
            var handlers = runtime.Handlers.ChainFor(request)!.ByEndpoint.SelectMany(c => c.Handlers).Select(h => h.HandlerType.Assembly.GetName().Name!).ToList();
            App.Modules.Select(m => $"Dsl.{m.Name}").Where(a => !handlers.Contains(a)).ShouldBeEmpty($"modules not handling {request.Name}");
        }
        foreach (var module in App.Modules)
            foreach (var reply in new[] { typeof(LeadErased), typeof(LeadExport) })
            {
                var type = Dsl.Host.DataProtection.DataProtectionRegistry.RepliesIn([module.Name], reply).SingleOrDefault();
                type.ShouldNotBeNull($"{module.Name} declares no {reply.Name} reply in its contracts");
                runtime.Handlers.ChainFor(type).ShouldNotBeNull($"the host does not handle {type.Name}");
            }
    }

    [Fact]
    public async Task admins_read_the_inventory_by_module_with_lawful_basis_retention_and_erasure()
    {
        var inventory = await Json(await Admin.GetAsync("/api/data-protection/inventory", Ct));
        var lead = inventory["holdings"]!.AsArray().Single(h => h!["document"]!.GetValue<string>() == "Lead")!;
        lead["module"]!.GetValue<string>().ShouldBe("Enrolment");
        lead["kinds"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldContain("lead's email");
        lead["lawfulBasis"]!.GetValue<string>().ShouldStartWith("public task");
        lead["retention"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        lead["onErasure"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        inventory["noPersonalData"]!["Curriculum"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("Element");
        (await App.Client("facilitator").GetAsync("/api/data-protection/inventory", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
