using System.Diagnostics;

namespace Dsl.Tests.Architecture;

/// <summary>
/// Release loads Wolverine's handlers pre-generated under Dsl.Host/Internal/Generated (ADR 0034), so that code must be
/// what the handlers and endpoints of today generate: a new, removed or re-signed handler makes it stale.
/// </summary>
public sealed class GeneratedCodeTests
{
    /// <summary>The one command that regenerates it (README, Performance).</summary>
    private const string Regenerate = "rm -rf Dsl.Host/Internal/Generated && dotnet run --project Dsl.Host -- codegen write";

    [Fact]
    public async Task the_pre_generated_handlers_are_what_the_host_generates_today()
    {
        var committed = Path.Combine(ModuleFolders.RepositoryRoot, "Dsl.Host", "Internal", "Generated");
        var fresh = Directory.CreateTempSubdirectory("dsl-codegen-");
        try
        {
            // The host as built with these tests (from its own output: this folder's test assemblies would be scanned
            // too), writing under a scratch content root; the connection string is never used (code generation does
            // not touch the database), it only keeps the embedded cluster from starting.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var start = new ProcessStartInfo("dotnet", ["Dsl.Host.dll", "codegen", "write", "--contentRoot", fresh.FullName])
            {
                WorkingDirectory = Path.Combine(ModuleFolders.RepositoryRoot, "Dsl.Host", "bin", configuration, "net10.0"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ConnectionStrings__Dsl"] = "Host=127.0.0.1;Port=1;Database=none;Username=none",
                    ["ASPNETCORE_ENVIRONMENT"] = "Development",
                },
            };
            using var codegen = Process.Start(start)!;
            var output = codegen.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = codegen.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await codegen.WaitForExitAsync(TestContext.Current.CancellationToken);
            codegen.ExitCode.ShouldBe(0, $"codegen write failed: {await errors}{await output}");

            var expected = Files(Path.Combine(fresh.FullName, "Internal", "Generated"));
            var actual = Files(committed);
            var missing = expected.Keys.Except(actual.Keys).ToList();
            var obsolete = actual.Keys.Except(expected.Keys).ToList();
            var changed = expected.Keys.Intersect(actual.Keys).Where(f => expected[f] != actual[f]).ToList();
            expected.ShouldNotBeEmpty();
            (missing.Count + obsolete.Count + changed.Count).ShouldBe(0,
                $"The pre-generated Wolverine code is stale; from the repository root run: {Regenerate}\n" +
                $"missing: {string.Join(", ", missing)}\nobsolete: {string.Join(", ", obsolete)}\nchanged: {string.Join(", ", changed)}");
        }
        finally
        {
            fresh.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Files(string directory) => !Directory.Exists(directory)
        ? []
        : Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(directory, f), f => File.ReadAllText(f).ReplaceLineEndings("\n"));
}
