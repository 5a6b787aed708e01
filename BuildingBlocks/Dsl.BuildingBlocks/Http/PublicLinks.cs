using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Dsl.BuildingBlocks.Http;

/// <summary>
/// Absolute links DSL hands out for use outside the API (calendar subscriptions, certificate verification, rater invitations, credentials):
/// on <c>Dsl:PublicBaseUrl</c> when set (behind a proxy the request's own host may be an internal one), else the request's base.
/// </summary>
public static class PublicLinks
{
    public const string BaseUrlKey = "Dsl:PublicBaseUrl";

    public static string For(HttpRequest request, IConfiguration configuration, string path)
    {
        var configured = configuration[BaseUrlKey];
        var root = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : configured;
        return root.TrimEnd('/') + path;
    }
}
