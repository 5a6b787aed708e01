using System.Text.RegularExpressions;
using System.Xml.Linq;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Dsl.Tests.Architecture;

/// <summary>
/// The module template, checked for every folder under <c>Modules/</c> (<see cref="ModuleFolders"/>): a module that
/// exists there but is not registered, has no store or schema of its own, or breaks a boundary fails here.
/// </summary>
public sealed partial class ModuleBoundaryTests(DslApp app)
{
    private static IEnumerable<string> ProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value));

    [Fact]
    public void every_module_folder_is_a_registered_module_with_its_own_store_and_schema()
    {
        var registered = app.Modules;
        ModuleFolders.Names.ShouldNotBeEmpty();
        foreach (var module in ModuleFolders.Names)
        {
            File.Exists(ModuleFolders.Project(module)).ShouldBeTrue($"Modules/{module} has no Dsl.{module}/Dsl.{module}.csproj");
            File.Exists(ModuleFolders.ContractsProject(module))
                .ShouldBeTrue($"Modules/{module} has no Dsl.{module}.Contracts/Dsl.{module}.Contracts.csproj");
            registered.Select(m => m.Name).ShouldContain(module,
                $"Modules/{module} is not registered with the host: reference it from Dsl.Host.csproj and call " +
                $"opts.Add{module}Module() in DslServices (README: Adding a module)");
        }
        registered.Select(m => m.Name).ShouldBe(ModuleFolders.Names, ignoreOrder: true, "every registered module has its folder");

        var solution = File.ReadAllText(Path.Combine(ModuleFolders.RepositoryRoot, "Dsl.sln"));
        foreach (var module in registered)
        {
            module.Schema.ShouldBe(ModuleFolders.Schema(module.Name), $"{module.Name}'s schema is its name in lower snake case");
            module.Store.IsInterface.ShouldBeTrue();
            module.Store.IsPublic.ShouldBeTrue();
            var store = (IDocumentStore)app.Host.Services.GetRequiredService(module.Store);
            store.Options.DatabaseSchemaName.ShouldBe(module.Schema, $"{module.Store.Name} keeps its data in its own schema");
            solution.ShouldContain($"Dsl.{module.Name}.csproj", Case.Sensitive, $"Dsl.sln lists Dsl.{module.Name}");
            solution.ShouldContain($"Dsl.{module.Name}.Contracts.csproj", Case.Sensitive, $"Dsl.sln lists Dsl.{module.Name}.Contracts");
        }
        registered.Select(m => m.Schema).Distinct().Count().ShouldBe(registered.Count, "no two modules share a schema");
    }

    [Fact]
    public void a_module_references_only_building_blocks_and_contracts()
    {
        foreach (var module in ModuleFolders.Names)
        {
            var csproj = ModuleFolders.Project(module);
            File.Exists(csproj).ShouldBeTrue($"Modules/{module} has no Dsl.{module}/Dsl.{module}.csproj");
            foreach (var reference in ProjectReferences(csproj))
                (reference == "Dsl.BuildingBlocks" || reference.EndsWith(".Contracts"))
                    .ShouldBeTrue($"Dsl.{module} references {reference}");

            var assembly = ModuleFolders.Load($"Dsl.{module}");
            var forbidden = assembly.GetReferencedAssemblies().Select(a => a.Name!)
                .Where(n => n.StartsWith("Dsl.") && n != "Dsl.BuildingBlocks" && !n.EndsWith(".Contracts"));
            forbidden.ShouldBeEmpty($"Dsl.{module} depends on another module's implementation");
        }
    }

    [Fact]
    public void contracts_depend_on_nothing_but_the_bcl_message_identity_and_shared_contracts()
    {
        foreach (var module in ModuleFolders.Names)
        {
            var csproj = ModuleFolders.ContractsProject(module);
            File.Exists(csproj).ShouldBeTrue($"Modules/{module} has no Dsl.{module}.Contracts/Dsl.{module}.Contracts.csproj");
            ProjectReferences(csproj).ShouldAllBe(r => r == "Dsl.BuildingBlocks.Contracts");
            XDocument.Load(csproj).Descendants("PackageReference").Select(p => p.Attribute("Include")!.Value)
                .ShouldAllBe(p => p == "WolverineFx");

            var assembly = ModuleFolders.Load($"Dsl.{module}.Contracts");
            assembly.GetReferencedAssemblies().Select(a => a.Name!)
                .ShouldAllBe(n => n == "System.Runtime" || n.StartsWith("System.") || n == "netstandard" || n == "Wolverine"
                    || n == "Dsl.BuildingBlocks.Contracts");
        }
    }

    [Fact]
    public void every_handler_and_endpoint_is_bound_to_its_own_modules_store()
    {
        var modules = app.Modules;
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
            var module = modules.SingleOrDefault(m => m.Assembly == calls[0].HandlerType.Assembly);
            if (module is null) continue;
            chain.AncillaryStoreType.ShouldBe(module.Store, $"{chain.Description} is not bound to {module.Store.Name}");
            checkedChains++;
            if (chain is Wolverine.Runtime.Handlers.HandlerChain) checkedHandlerModules.Add(module.Name);
        }
        checkedChains.ShouldBeGreaterThan(0);
        // Every module that declares a message handler had its handlers checked.
        var modulesWithHandlers = modules
            .Where(m => m.Assembly.GetExportedTypes().Any(t => t.Name.EndsWith("Handler"))).Select(m => m.Name);
        checkedHandlerModules.ShouldBe(modulesWithHandlers, ignoreOrder: true);
    }

    [Fact]
    public void a_modules_message_handler_is_named_for_its_message_in_a_file_of_its_own()
    {
        var runtime = app.Host.GetRuntime();
        var modules = app.Modules.Select(m => m.Assembly).ToHashSet();
        var handlers = runtime.Handlers.Chains.SelectMany(c => new[] { c }.Concat(c.ByEndpoint))
            .SelectMany(c => c.Handlers.Select(h => (c.MessageType, h.HandlerType)))
            .Where(h => modules.Contains(h.HandlerType.Assembly))
            .Distinct().ToList();
        handlers.ShouldNotBeEmpty();
        foreach (var (message, handler) in handlers)
            // A batch handler takes T[] and is named for the plural: CurriculumEnrolmentUpdatesHandler.
            handler.Name.ShouldBe(message.IsArray ? $"{message.GetElementType()!.Name}sHandler" : $"{message.Name}Handler",
                $"{handler.FullName} handles {message.Name}");

        var sources = Directory.EnumerateFiles(Path.Combine(ModuleFolders.RepositoryRoot, "Modules"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        var declared = 0;
        foreach (var file in sources)
        {
            var classes = HandlerClass().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            declared += classes.Count;
            if (classes.Count == 0) continue;
            classes.ShouldBe([Path.GetFileNameWithoutExtension(file)],
                $"{Path.GetRelativePath(ModuleFolders.RepositoryRoot, file)}: one <Message>Handler per file, named as the file");
        }
        declared.ShouldBe(handlers.Select(h => h.HandlerType).Distinct().Count(), "every handler class is found in the module sources");
    }

    [Fact]
    public void no_two_modules_name_a_public_type_alike()
    {
        // The OpenAPI document names its schemas by simple type name, so two modules' RecordAttendance would
        // silently share one schema; and one word per fact keeps the modules' languages apart.
        var types = app.Modules.Select(m => m.Assembly).Append(typeof(Program).Assembly)
            .SelectMany(a => a.GetExportedTypes()).Where(t => !t.IsNested && !(t.IsAbstract && t.IsSealed)); // static classes (handlers, endpoints) are no schema
        types.GroupBy(t => t.Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}").ShouldBeEmpty();
    }

    [GeneratedRegex(@"\bclass\s+(\w+Handler)\b")]
    private static partial Regex HandlerClass();
}
