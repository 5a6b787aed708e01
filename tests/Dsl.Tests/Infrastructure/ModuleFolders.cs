using System.Reflection;
using System.Text.RegularExpressions;

namespace Dsl.Tests.Infrastructure;

/// <summary>
/// The modules as the repository holds them: every folder under <c>Modules/</c> is one. Tests take the list from
/// here (and compare it with the modules the host registered, <see cref="Dsl.BuildingBlocks.Persistence.DslModule"/>),
/// never from a list of their own, so a new module is checked as soon as its folder exists.
/// </summary>
public static partial class ModuleFolders
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The module names, e.g. "Enrolment", "PeerNetwork", in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } = Directory.GetDirectories(Path.Combine(RepositoryRoot, "Modules"))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static string Project(string module) =>
        Path.Combine(RepositoryRoot, "Modules", module, $"Dsl.{module}", $"Dsl.{module}.csproj");

    public static string ContractsProject(string module) =>
        Path.Combine(RepositoryRoot, "Modules", module, $"Dsl.{module}.Contracts", $"Dsl.{module}.Contracts.csproj");

    /// <summary>The schema a module's store must use: its name in lower snake case ("PeerNetwork" → "peer_network").</summary>
    public static string Schema(string module) => CapitalAfterLetter().Replace(module, "_$1").ToLowerInvariant();

    /// <summary>Every module's contracts assembly (a module without one fails <c>ModuleBoundaryTests</c>, not here).</summary>
    public static IEnumerable<Assembly> ContractAssemblies() =>
        Names.Where(m => File.Exists(ContractsProject(m))).Select(m => Load($"Dsl.{m}.Contracts"));

    /// <summary>A module's assembly, or a failure saying why a module folder's project is not in the test run.</summary>
    public static Assembly Load(string assemblyName)
    {
        try
        {
            return Assembly.Load(assemblyName);
        }
        catch (FileNotFoundException)
        {
            throw new InvalidOperationException(
                $"{assemblyName} is not built with the host: reference it from Dsl.Host.csproj (README: Adding a module).");
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dsl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dsl.sln not found above the test output");
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CapitalAfterLetter();
}
