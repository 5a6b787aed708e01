using System.Reflection;
using System.Xml.Linq;
using Dsl.Enrolment;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Http;
using Wolverine.Tracking;

namespace Dsl.Tests.Architecture;

public sealed class ModuleBoundaryTests(DslApp app)
{
    private static readonly string[] Modules = ["Enrolment", "Curriculum", "Assessment", "Awards", "PeerNetwork"];

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dsl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dsl.sln not found above the test output");
    }

    private static IEnumerable<string> ProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value));

    [Fact]
    public void a_module_references_only_building_blocks_and_contracts()
    {
        foreach (var module in Modules)
        {
            var csproj = Path.Combine(RepositoryRoot(), "Modules", module, $"Dsl.{module}", $"Dsl.{module}.csproj");
            foreach (var reference in ProjectReferences(csproj))
                (reference == "Dsl.BuildingBlocks" || reference.EndsWith(".Contracts"))
                    .ShouldBeTrue($"Dsl.{module} references {reference}");

            var assembly = Assembly.Load($"Dsl.{module}");
            var forbidden = assembly.GetReferencedAssemblies().Select(a => a.Name!)
                .Where(n => n.StartsWith("Dsl.") && n != "Dsl.BuildingBlocks" && !n.EndsWith(".Contracts"));
            forbidden.ShouldBeEmpty($"Dsl.{module} depends on another module's implementation");
        }
    }

    [Fact]
    public void contracts_depend_on_nothing_but_the_bcl_message_identity_and_shared_contracts()
    {
        foreach (var module in Modules)
        {
            var csproj = Path.Combine(RepositoryRoot(), "Modules", module, $"Dsl.{module}.Contracts", $"Dsl.{module}.Contracts.csproj");
            ProjectReferences(csproj).ShouldAllBe(r => r == "Dsl.BuildingBlocks.Contracts");
            XDocument.Load(csproj).Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value)
                .ShouldAllBe(p => p == "WolverineFx");

            var assembly = Assembly.Load($"Dsl.{module}.Contracts");
            assembly.GetReferencedAssemblies().Select(a => a.Name!)
                .ShouldAllBe(n => n == "System.Runtime" || n.StartsWith("System.") || n == "netstandard" || n == "Wolverine"
                    || n == "Dsl.BuildingBlocks.Contracts");
        }
    }

    [Fact]
    public void every_handler_and_endpoint_is_bound_to_its_own_modules_store()
    {
        var runtime = app.Host.GetRuntime();
        // With separated handlers a shared event's chain delegates to one sub-chain per module.
        var handlerChains = runtime.Handlers.Chains
            .SelectMany(c => new[] { c }.Concat(c.ByEndpoint))
            .Cast<Wolverine.Configuration.IChain>();
        var httpChains = app.HttpChains();
        var chains = handlerChains.Concat(httpChains).ToList();

        var checkedChains = 0;
        var checkedHandlerModules = new HashSet<string>();
        foreach (var chain in chains)
        {
            var calls = chain.HandlerCalls().ToList();
            if (calls.Count == 0) continue;
            calls.Select(c => c.HandlerType.Assembly).Distinct().Count()
                .ShouldBe(1, $"{chain.Description} mixes handlers of several modules in one transaction");
            var handlerAssembly = calls[0].HandlerType.Assembly;
            var module = Modules.SingleOrDefault(m => handlerAssembly.GetName().Name == $"Dsl.{m}");
            if (module is null) continue;
            var expected = handlerAssembly.GetType($"Dsl.{module}.I{module}Store", throwOnError: true);
            chain.AncillaryStoreType.ShouldBe(expected, $"{chain.Description} is not bound to {expected!.Name}");
            checkedChains++;
            if (chain is Wolverine.Runtime.Handlers.HandlerChain) checkedHandlerModules.Add(module);
        }
        checkedChains.ShouldBeGreaterThan(0);
        checkedHandlerModules.ShouldBe(["Enrolment", "Curriculum", "PeerNetwork"], ignoreOrder: true);
    }

    [Fact]
    public void each_module_store_has_its_own_schema()
    {
        var schemas = DslApp.ModuleStores
            .Select(t => ((IDocumentStore)app.Host.Services.GetRequiredService(t)).Options.DatabaseSchemaName)
            .ToList();

        schemas.ShouldBe(["enrolment", "curriculum", "assessment", "awards", "peer_network"]);
        DslApp.ModuleStores.Select(t => t.Name).Distinct().Count().ShouldBe(DslApp.ModuleStores.Length);
        DslApp.ModuleStores.ShouldAllBe(t => t.IsPublic);
        typeof(IEnrolmentStore).IsInterface.ShouldBeTrue();
    }
}
