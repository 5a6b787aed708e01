using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Wolverine.Attributes;

namespace Dsl.Host.Integrators.Catalogue;

/// <summary>One public event type: its CloudEvents type, the module that publishes it and its documented meaning.</summary>
public sealed record IntegrationEventType(Type ClrType, string Name, string Module, string Summary)
{
    /// <summary>The CloudEvents source of every event of this type.</summary>
    public string Source => $"urn:dsl:{Module}";

    /// <summary>
    /// The span tag that names what the subject is, for delivery spans: <c>dsl.enrolment_id</c> for an event about
    /// an enrolment (whichever module publishes it), <c>dsl.cohort_id</c> for one about a cohort; none otherwise.
    /// </summary>
    public string? SubjectTag { get; } =
        ClrType.GetProperty("EnrolmentId") is not null ? "dsl.enrolment_id"
        : ClrType.GetProperty("CohortId") is not null ? "dsl.cohort_id"
        : null;
}

/// <summary>
/// Every public integration event, found in the modules' contract assemblies: concrete types implementing
/// <see cref="IIntegrationEvent"/>. The feed, webhooks, broker and AsyncAPI document all read this one list,
/// so none of them can drift from the contracts.
/// </summary>
public sealed partial class IntegrationEventCatalogue
{
    public static IntegrationEventCatalogue Instance { get; } = Load();

    private readonly Dictionary<Type, IntegrationEventType> _byClrType;
    private readonly Dictionary<string, IntegrationEventType> _byName;

    public IReadOnlyList<IntegrationEventType> Types { get; }

    private IntegrationEventCatalogue(IReadOnlyList<IntegrationEventType> types)
    {
        Types = types;
        _byClrType = types.ToDictionary(t => t.ClrType);
        _byName = types.ToDictionary(t => t.Name);
    }

    public IntegrationEventType For(Type clrType) => _byClrType[clrType];

    public bool Lists(Type clrType) => _byClrType.ContainsKey(clrType);

    public bool IsKnown(string name) => _byName.ContainsKey(name);

    public IntegrationEventType? Find(string name) => _byName.GetValueOrDefault(name);

    // Module and event names are lower-case words joined by single dashes (peer-network, lead-progressed).
    [GeneratedRegex(@"^dsl\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.v[1-9][0-9]*$")]
    private static partial Regex TypeNamePattern();

    /// <summary>
    /// The module named by a CloudEvents type <c>dsl.&lt;module&gt;.&lt;event&gt;.v&lt;n&gt;</c> (its source is
    /// <c>urn:dsl:&lt;module&gt;</c>), or null when the name does not follow that form.
    /// </summary>
    public static string? ModuleOf(string typeName) => TypeNamePattern().Match(typeName) is { Success: true } match
        ? match.Groups[1].Value
        : null;

    // Every module's contracts assembly is copied beside the host (and beside the tests, which run the host), so
    // a module's events are public as soon as its contracts are referenced: no list to keep.
    private static IntegrationEventCatalogue Load() => From(Directory
        .EnumerateFiles(AppContext.BaseDirectory, "Dsl.*.Contracts.dll")
        .Select(path => Assembly.Load(Path.GetFileNameWithoutExtension(path))));

    /// <summary>The catalogue of the public events in these assemblies (the host uses the modules' contracts).</summary>
    public static IntegrationEventCatalogue From(IEnumerable<Assembly> assemblies)
    {
        var types = new List<IntegrationEventType>();
        foreach (var assembly in assemblies.Distinct().OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
        {
            var docs = XmlSummaries(assembly);
            foreach (var type in assembly.GetExportedTypes()
                         .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IIntegrationEvent).IsAssignableFrom(t)))
            {
                var name = type.GetCustomAttribute<MessageIdentityAttribute>()?.Alias
                    ?? throw new InvalidOperationException($"{type.FullName} needs [MessageIdentity(\"dsl.<module>.<event>.v1\")].");
                var module = ModuleOf(name)
                    ?? throw new InvalidOperationException($"{type.FullName}: '{name}' is not a lower-case, versioned dsl.<module>.<event>.v<n> name.");
                types.Add(new IntegrationEventType(type, name, module, docs.GetValueOrDefault("T:" + type.FullName, "")));
            }
        }
        return new IntegrationEventCatalogue(types.OrderBy(t => t.Name, StringComparer.Ordinal).ToList());
    }

    // The contracts' XML documentation is the one place their meaning is written down; the catalogue reuses it.
    private static Dictionary<string, string> XmlSummaries(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path)) return [];
        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => m.Attribute("name")!.Value,
                m => string.Join(' ', m.Element("summary")!.Value.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
    }
}
