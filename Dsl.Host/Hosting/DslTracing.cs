using System.Diagnostics;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Wolverine.Configuration;
using Wolverine.Logging;
using Wolverine.Runtime.Handlers;

namespace Dsl.Host.Hosting;

/// <summary>
/// Makes every message handler's span tell its story: <c>dsl.module</c> (which module handled it) and, from the
/// message, <c>dsl.enrolment_id</c>, <c>dsl.cohort_id</c> and <c>dsl.region</c> — ids only, never personal data.
/// </summary>
public sealed class DslTracingPolicy : IHandlerPolicy
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["EnrolmentId"] = "dsl.enrolment_id", ["CohortId"] = "dsl.cohort_id", ["Region"] = "dsl.region",
    };

    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.SelectMany(c => c.ByEndpoint.Append(c)))
        {
            if (chain.Handlers.Count == 0) continue;
            foreach (var property in chain.MessageType.GetProperties())
                if (Tags.TryGetValue(property.Name, out var tag) && chain.AuditedMembers.All(m => m.Member != property))
                    chain.AuditedMembers.Add(new AuditedMember(property, property.Name, tag));
            chain.Middleware.Insert(0, new TagActivityFrame("dsl.module", ModuleOf(chain.Handlers[0].HandlerType)));
        }
    }

    /// <summary>"Dsl.Curriculum" → "curriculum"; the host's own handlers belong to "integrators".</summary>
    public static string ModuleOf(Type handlerType)
    {
        var assembly = handlerType.Assembly.GetName().Name!;
        return assembly == "Dsl.Host" ? "integrators" : assembly["Dsl.".Length..].ToLowerInvariant();
    }

    private sealed class TagActivityFrame(string key, string value) : SyncFrame
    {
        public override void GenerateCode(GeneratedMethod method, ISourceWriter writer)
        {
            writer.WriteLine($"{typeof(Activity).FullName}.{nameof(Activity.Current)}?.{nameof(Activity.SetTag)}(\"{key}\", \"{value}\");");
            Next?.GenerateCode(method, writer);
        }
    }
}
