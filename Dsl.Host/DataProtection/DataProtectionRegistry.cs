using System.Reflection;
using Dsl.BuildingBlocks.Persistence;
using Wolverine.Util;

namespace Dsl.Host.DataProtection;

/// <summary>
/// Which modules must answer every erasure and export request: every module the host registered (the one list,
/// <see cref="DslModule"/>), so a new module cannot be left out; and the reply types each declares in its contracts.
/// </summary>
public sealed class DataProtectionRegistry(IEnumerable<DslModule> modules)
{
    public IReadOnlyList<string> Modules { get; } = modules.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>The module whose contracts declare this reply type (Dsl.&lt;Module&gt;.Contracts).</summary>
    public static string ModuleOf(Type reply) => reply.Assembly.GetName().Name!["Dsl.".Length..^".Contracts".Length];

    /// <summary>Every concrete reply of the given base type in the contracts of these modules.</summary>
    public static IEnumerable<Type> RepliesIn(IEnumerable<string> modules, Type replyBase) => modules
        .Select(m => Assembly.Load($"Dsl.{m}.Contracts"))
        .SelectMany(a => a.GetExportedTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && replyBase.IsAssignableFrom(t));

    /// <summary>The Wolverine message type names of every message whose body holds personal data, and of batches of them.</summary>
    public IReadOnlyList<string> PersonalMessageTypes { get; } = modules
        // A module's own messages too: what it takes in batches may carry a lead's name (ADR 0038).
        .SelectMany(m => new[] { Assembly.Load($"Dsl.{m.Name}.Contracts"), m.Assembly })
        .SelectMany(a => a.GetExportedTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetCustomAttribute<CarriesPersonalDataAttribute>(inherit: true) is not null)
        // A batch of them (ADR 0036) is kept under the array's name.
        .SelectMany(t => new[] { t.ToMessageTypeName(), t.MakeArrayType().ToMessageTypeName() })
        .ToList();
}
