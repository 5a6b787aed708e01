using System.Diagnostics;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Wolverine.Configuration;
using Wolverine.Logging;
using Wolverine.Runtime.Handlers;
using Wolverine.Util;

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
        foreach (var chain in chains.SelectMany(c => c.ByEndpoint.Append(c)).Distinct())
        {
            if (chain.Handlers.Count == 0) continue;
            foreach (var property in chain.MessageType.GetProperties())
                if (Tags.TryGetValue(property.Name, out var tag) && chain.AuditedMembers.All(m => m.Member != property))
                    chain.AuditedMembers.Add(new AuditedMember(property, property.Name, tag));
            chain.Middleware.Insert(0, new TagActivityFrame("dsl.module", ModuleOf(chain.Handlers[0].HandlerType)));
            if (chain.MessageType.IsArray) chain.Middleware.Insert(1, new BatchSpanFrame(chain.MessageType));
        }
    }

    /// <summary>"Dsl.Curriculum" → "curriculum"; the host's own handlers belong to "integrators".</summary>
    public static string ModuleOf(Type handlerType)
    {
        var assembly = handlerType.Assembly.GetName().Name!;
        return assembly == "Dsl.Host" ? "integrators" : assembly["Dsl.".Length..].ToLowerInvariant();
    }

    /// <summary>
    /// A batched handler's span (ADR 0036) is named for the message it takes, like an unbatched one, with
    /// <c>dsl.batch_size</c>; an id its messages share (a batch of one, or one enrolment's updates) is tagged too.
    /// </summary>
    private sealed class BatchSpanFrame(Type batchType) : SyncFrame
    {
        private Variable? _batch;

        public override IEnumerable<Variable> FindVariables(IMethodVariables chain)
        {
            _batch = chain.FindVariable(batchType);
            yield return _batch;
        }

        public override void GenerateCode(GeneratedMethod method, ISourceWriter writer)
        {
            var element = batchType.GetElementType()!;
            writer.Write($"BLOCK:if ({typeof(Activity).FullName}.{nameof(Activity.Current)} is {{ }} batchSpan)");
            writer.WriteLine($"batchSpan.{nameof(Activity.DisplayName)} = \"{element.ToMessageTypeName()}\";");
            writer.WriteLine($"batchSpan.{nameof(Activity.SetTag)}(\"dsl.batch_size\", {_batch!.Usage}.Length);");
            foreach (var property in element.GetProperties().Where(p => Tags.ContainsKey(p.Name)))
                writer.WriteLine($"if (System.Linq.Enumerable.All({_batch.Usage}, m => Equals(m.{property.Name}, {_batch.Usage}[0].{property.Name}))) " +
                                 $"batchSpan.{nameof(Activity.SetTag)}(\"{Tags[property.Name]}\", {_batch.Usage}[0].{property.Name});");
            writer.FinishBlock();
            Next?.GenerateCode(method, writer);
        }
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
