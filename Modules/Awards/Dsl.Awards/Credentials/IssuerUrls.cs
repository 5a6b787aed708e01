using Microsoft.Extensions.Configuration;

namespace Dsl.Awards.Credentials;

/// <summary>
/// The public addresses a credential names (issuer profile, achievement, credential, status list, keys). They are on
/// <c>Dsl:PublicBaseUrl</c> when set, as every link DSL hands out; else on the request's own base.
/// </summary>
public sealed record IssuerUrls(string Base)
{
    public const string BaseUrlKey = "Dsl:PublicBaseUrl";
    public const string Root = "/api/awards/public";

    public static IssuerUrls For(HttpRequest request, IConfiguration configuration) =>
        new((configuration[BaseUrlKey] is { Length: > 0 } configured ? configured : $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/'));

    public string Issuer => $"{Base}{Root}/issuer";
    public string Achievement(string criteriaVersion) => $"{Base}{Root}/achievements/{criteriaVersion}";
    public string Credential(Guid credentialId) => $"{Base}{Root}/credentials/{credentialId}";
    public string StatusList => $"{Base}{Root}/status-lists/revocation";
    public string Key(string thumbprint) => $"{Base}{Root}/keys/{thumbprint}";
    public string Jwks => $"{Base}/.well-known/jwks.json";
}
