using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace Dsl.BuildingBlocks.DataProtection;

/// <summary>One document type that holds personal data: what kinds, why, for how long, and what erasure does to it.</summary>
/// <param name="Module">The module that owns the document (or "Host").</param>
/// <param name="Document">The document type's name.</param>
/// <param name="Kinds">What kinds of personal data, e.g. "lead's name", "facilitator's note about the lead".</param>
/// <param name="Retention">For how long it is kept.</param>
/// <param name="OnErasure">What erasure of the lead does to it.</param>
public sealed record PersonalDataHolding(string Module, string Document, IReadOnlyList<string> Kinds, string Retention,
    string OnErasure)
{
    /// <summary>Every holding rests on the same lawful basis: the programme is run as a public task for the DfE.</summary>
    public string LawfulBasis => "public task (UK GDPR art. 6(1)(e)): delivering the DfE's senior mental health lead training programme";

    [JsonIgnore] public Type? DocumentType { get; init; }
}

/// <summary>
/// A module's part of the personal-data inventory: every document type it registers is either listed as holding
/// personal data (with kinds, retention and erasure) or explicitly declared as holding none. A test fails when a
/// module registers a document type in neither list.
/// </summary>
public sealed class ModuleInventory(string module)
{
    /// <summary>The usual retention of a lead's records (the retention job's default, Dsl:Enrolment:RetentionYears).</summary>
    public const string UntilRetention = "until erased, or 6 years after the end of the academic year the enrolment ended in";

    private readonly List<PersonalDataHolding> _holdings = [];
    private readonly HashSet<Type> _without = [];

    public string Module => module;
    public IReadOnlyList<PersonalDataHolding> Holdings => _holdings;
    public IReadOnlySet<Type> WithoutPersonalData => _without;

    /// <summary>A document type holding personal data, kept for a retention of its own.</summary>
    public ModuleInventory HoldsUntil<TDocument>(string retention, string onErasure, params string[] kinds)
    {
        _holdings.Add(new PersonalDataHolding(module, typeof(TDocument).Name, kinds, retention, onErasure)
            { DocumentType = typeof(TDocument) });
        return this;
    }

    /// <summary>A document type holding personal data about a lead, kept until erased or the retention period ends.</summary>
    public ModuleInventory Holds<TDocument>(string onErasure, params string[] kinds) => HoldsUntil<TDocument>(UntilRetention, onErasure, kinds);

    /// <summary>Declares document types that hold no personal data (reference data, ids, counts, dates).</summary>
    public ModuleInventory NoPersonalData(params Type[] documents)
    {
        foreach (var document in documents) _without.Add(document);
        return this;
    }

    /// <summary>Whether the inventory says anything about this document type.</summary>
    public bool Covers(Type document) => _without.Contains(document) || _holdings.Any(h => h.DocumentType == document);
}

public static class PersonalDataInventoryRegistration
{
    /// <summary>Adds a module's part of the personal-data inventory (README "Data protection" and <c>/api/data-protection/inventory</c>).</summary>
    public static ModuleInventory DeclarePersonalData(this IServiceCollection services, string module)
    {
        var inventory = new ModuleInventory(module);
        services.AddSingleton(inventory);
        return inventory;
    }

    /// <summary>As <see cref="DeclarePersonalData(IServiceCollection, string)"/>, for a module's store: the module named as its store says.</summary>
    public static ModuleInventory DeclarePersonalData<TStore>(this WolverineOptions opts) =>
        opts.Services.DeclarePersonalData(typeof(TStore).Assembly.GetName().Name!["Dsl.".Length..]);
}
