using System.Security.Cryptography;
using System.Text;
using JasperFx;

namespace Dsl.Curriculum.Resources;

public enum ResourceKind { Guidance, Tool, Video, Course, Article, Template }

/// <summary>
/// A free course material for one or more elements. Retiring keeps the document, so a link someone saved
/// (in an email, a plan) keeps resolving and says the resource is retired.
/// </summary>
public sealed class Resource : IRevisioned
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public ResourceKind Kind { get; set; }
    public string Url { get; set; } = "";
    public string? Publisher { get; set; }
    public List<string> ElementCodes { get; set; } = [];
    public DateTimeOffset? RetiredAt { get; set; }
    public bool Retired => RetiredAt is not null;
    /// <summary>True for a resource the module seeded from the element catalogue.</summary>
    public bool FromCatalogue { get; set; }
    /// <summary>Revision, served as the ETag.</summary>
    public int Version { get; set; }

    /// <summary>
    /// A catalogue resource's id derives from its URL, so re-seeding finds the same document and never duplicates it.
    /// </summary>
    public static Guid CatalogueIdFor(string url)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("dsl.curriculum.resource:" + url));
        return new Guid(hash.AsSpan(0, 16));
    }
}
