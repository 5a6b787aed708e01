using System.Linq.Expressions;
using Marten;

namespace Dsl.BuildingBlocks.DataProtection;

/// <summary>
/// What a module's erasure handler does, step by step, in its session: anonymise or delete the documents about the
/// lead and note the kind of data each step reached (a step that found nothing adds no kind).
/// </summary>
public sealed class ErasedKinds(IDocumentSession session)
{
    private readonly List<string> _kinds = [];

    /// <summary>The kinds of data erased so far, in the order of the steps: the reply's <c>Kinds</c>.</summary>
    public IReadOnlyList<string> Kinds => _kinds;

    /// <summary>Changes every document matching <paramref name="about"/> with <paramref name="erase"/> and stores it.</summary>
    public async Task AnonymiseAsync<T>(string kind, Expression<Func<T, bool>> about, Action<T> erase, CancellationToken ct) where T : notnull
    {
        var documents = await session.Query<T>().Where(about).ToListAsync(ct);
        foreach (var document in documents) erase(document);
        session.Store(documents.ToArray());
        Noted(kind, documents.Count > 0);
    }

    /// <summary>Changes the one document of this id, if there is one.</summary>
    public async Task AnonymiseAsync<T>(string kind, object id, Action<T> erase, CancellationToken ct) where T : notnull
    {
        var document = id switch
        {
            Guid guid => await session.LoadAsync<T>(guid, ct),
            string text => await session.LoadAsync<T>(text, ct),
            _ => throw new ArgumentException($"A document id is a Guid or a string, not {id.GetType().Name}.", nameof(id)),
        };
        if (document is null) return;
        erase(document);
        session.Store(document);
        Noted(kind, true);
    }

    /// <summary>Deletes every document matching <paramref name="about"/>.</summary>
    public async Task DeleteAsync<T>(string kind, Expression<Func<T, bool>> about, CancellationToken ct) where T : notnull
    {
        var documents = await session.Query<T>().Where(about).ToListAsync(ct);
        foreach (var document in documents) session.Delete(document);
        Noted(kind, documents.Count > 0);
    }

    /// <summary>For a step the handler did itself.</summary>
    public void Noted(string kind, bool found)
    {
        if (found && !_kinds.Contains(kind)) _kinds.Add(kind);
    }
}
