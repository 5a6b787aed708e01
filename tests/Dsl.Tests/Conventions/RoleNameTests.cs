using System.Reflection;
using System.Text.RegularExpressions;
using Dsl.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authorization;

namespace Dsl.Tests.Conventions;

/// <summary>Endpoints name their roles with the <see cref="Roles"/> constants, so a misspelt role cannot silently lock everyone out.</summary>
public sealed partial class RoleNameTests(DslApp app)
{
    [Fact]
    public void every_authorize_names_only_known_roles()
    {
        var assemblies = app.Modules.Select(m => m.Assembly).Append(typeof(Program).Assembly);
        var declared = assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetCustomAttributes<AuthorizeAttribute>().Select(a => (Where: $"{t.FullName}.{m.Name}", a.Roles)))
                .Concat(t.GetCustomAttributes<AuthorizeAttribute>().Select(a => (Where: t.FullName!, a.Roles))))
            .Where(a => a.Roles is not null)
            .ToList();

        declared.Count.ShouldBeGreaterThan(10);
        foreach (var (where, roles) in declared)
            foreach (var role in roles!.Split(','))
                Roles.All.ShouldContain(role.Trim(), $"{where} admits role \"{role}\", which no token carries");
    }

    [Fact]
    public void no_endpoint_spells_out_role_names()
    {
        var sources = new[] { "Modules", "Dsl.Host", "BuildingBlocks" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(ModuleFolders.RepositoryRoot, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        var literals = sources.SelectMany(f => File.ReadLines(f).Where(l => RoleLiteral().IsMatch(l))
            .Select(l => $"{Path.GetRelativePath(ModuleFolders.RepositoryRoot, f)}: {l.Trim()}")).ToList();
        literals.ShouldBeEmpty("use the Roles constants (Roles.Admin, Roles.AdminOrHead, …), not string literals");
    }

    [GeneratedRegex(@"Roles\s*=\s*""")]
    private static partial Regex RoleLiteral();
}
