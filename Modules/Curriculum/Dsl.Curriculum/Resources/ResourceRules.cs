using Dsl.Curriculum.Elements;

namespace Dsl.Curriculum.Resources;

public static class ResourceRules
{
    public const int MaxTitle = 300;
    public const int MaxUrl = 2000;
    public const int MaxPublisher = 200;

    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The element codes the catalogue knows; resources name only these.</summary>
    public static readonly IReadOnlySet<string> ElementCodes =
        SeedElementCatalogue.Load().Elements.Select(e => e.Code).ToHashSet();

    public static IRuleBuilderOptions<T, List<string>?> KnownElementCodes<T>(this IRuleBuilder<T, List<string>?> rule) =>
        rule.NotEmpty().WithMessage("elementCodes must name at least one element.")
            .Must(codes => codes is null || codes.All(ElementCodes.Contains))
            .WithMessage("elementCodes must be curriculum element codes, e.g. \"leadership-and-management\".");

    /// <summary>
    /// Guesses a catalogue link's kind from its title and address: the catalogue lists only titles and URLs, and an
    /// admin can correct a guess (a later catalogue version does not overwrite an edited resource's kind).
    /// </summary>
    public static ResourceKind GuessKind(string title, string url)
    {
        var t = title.ToLowerInvariant();
        if (t.Contains("video") || url.Contains("youtube", StringComparison.OrdinalIgnoreCase)) return ResourceKind.Video;
        if (t.Contains("course") || t.Contains("training")) return ResourceKind.Course;
        if (t.Contains("tool") || t.Contains("toolkit")) return ResourceKind.Tool;
        if (t.Contains("template")) return ResourceKind.Template;
        if (t.Contains("guidance") || url.Contains("gov.uk", StringComparison.OrdinalIgnoreCase)) return ResourceKind.Guidance;
        return ResourceKind.Article;
    }

    /// <summary>The publisher a catalogue link comes from, by its host (GOV.UK is the DfE's and PHE's).</summary>
    public static string PublisherFor(string url)
    {
        var host = new Uri(url).Host.ToLowerInvariant();
        if (host.EndsWith("gov.uk")) return "GOV.UK";
        return host.StartsWith("www.") ? host[4..] : host;
    }
}
