namespace Dsl.Curriculum.Resources;

/// <param name="Retired">True once an admin retired it: no longer listed, but its address still resolves.</param>
public sealed record ResourceView(Guid Id, string Title, ResourceKind Kind, string Url, string? Publisher,
    IReadOnlyList<string> ElementCodes, bool Retired, DateTimeOffset? RetiredAt, bool FromCatalogue)
{
    public static ResourceView From(Resource r) =>
        new(r.Id, r.Title, r.Kind, r.Url, r.Publisher, r.ElementCodes, r.Retired, r.RetiredAt, r.FromCatalogue);
}
