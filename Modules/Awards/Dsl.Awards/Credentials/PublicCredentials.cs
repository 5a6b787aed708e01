using System.Text.Json.Nodes;
using Dsl.Awards.Awards;
using Dsl.Awards.Eligibility;
using Microsoft.Extensions.Configuration;

namespace Dsl.Awards.Credentials;

internal static class PublicCredentials
{
    public static bool WantsJwt(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains(VcJwt.MediaType, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A credential as its public address answers in JSON: the compact JWT and the credential decoded from it.</summary>
public sealed record PublicCredential(string Jwt, JsonObject Credential);

/// <summary>
/// The issuer's anonymous endpoints: everything a verifier needs to check a credential without asking DSL anything
/// else — issuer profile, achievement, the credential itself, the revocation status list and the public keys.
/// </summary>
public static class PublicCredentialEndpoints
{
    /// <summary>DSL's issuer profile (Open Badges 3.0 `Profile`), the `issuer.id` of every credential.</summary>
    [AllowAnonymous]
    [WolverineGet(IssuerUrls.Root + "/issuer", OperationId = "GetAwardIssuer")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("The credential issuer's profile")]
    public static JsonObject GetIssuer(HttpRequest request, IConfiguration configuration) =>
        OpenBadge.Issuer(IssuerUrls.For(request, configuration));

    /// <summary>The award's achievement (Open Badges 3.0 `Achievement`) under one version of its criteria, with the criteria narrative.</summary>
    [AllowAnonymous]
    [WolverineGet(IssuerUrls.Root + "/achievements/{version}", OperationId = "GetAwardAchievement")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("The award's achievement and criteria")]
    public static IResult GetAchievement(string version, HttpRequest request, IConfiguration configuration) =>
        AwardCriteria.Find(version) is { } criteria
            ? TypedResults.Ok(OpenBadge.Achievement(IssuerUrls.For(request, configuration), criteria))
            : Results.Problem(Problems.NotFound($"There is no version '{version}' of the award's criteria."));

    /// <summary>
    /// A credential by its id (the uuid of `urn:uuid:…`): the compact VC-JWT with `Accept: application/jwt`, else JSON
    /// with `jwt` and the decoded `credential`. Revocation shows in the status list, not here.
    /// </summary>
    [AllowAnonymous]
    [WolverineGet(IssuerUrls.Root + "/credentials/{credentialId}", OperationId = "GetPublicAwardCredential")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("A verifiable award credential")]
    [ProducesResponseType<PublicCredential>(StatusCodes.Status200OK)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, VcJwt.MediaType)]
    public static async Task<IResult> GetCredential(Guid credentialId, HttpRequest request, IQuerySession session, CancellationToken ct)
    {
        var award = await session.Query<Award>().FirstOrDefaultAsync(a => a.CredentialId == credentialId, ct);
        if (award is null) return Results.Problem(Problems.NotFound("There is no credential with this id."));
        return WantsJwt(request) ? Results.Text(award.CredentialJwt, VcJwt.MediaType) : TypedResults.Ok(new PublicCredential(award.CredentialJwt, VcJwt.Credential(award.CredentialJwt)));
    }

    private static bool WantsJwt(HttpRequest request) => PublicCredentials.WantsJwt(request);

    /// <summary>
    /// The revocation status list (`BitstringStatusListCredential`, signed as a VC-JWT like the credentials): bit n set
    /// means the credential with statusListIndex n is revoked. `Accept: application/jwt` gives the compact form.
    /// </summary>
    [AllowAnonymous]
    [WolverineGet(IssuerUrls.Root + "/status-lists/revocation", OperationId = "GetAwardStatusList")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("The credentials' revocation status list")]
    [ProducesResponseType<PublicCredential>(StatusCodes.Status200OK)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, VcJwt.MediaType)]
    public static async Task<IResult> GetStatusList(HttpRequest request, HttpResponse response, IConfiguration configuration, IQuerySession session,
        AwardSigningKeys keys, TimeProvider clock, CancellationToken ct)
    {
        var revoked = await session.Query<Award>().Where(a => a.Status == AwardStatus.Revoked).Select(a => a.StatusListIndex).ToListAsync(ct);
        var urls = IssuerUrls.For(request, configuration);
        var credential = StatusList.Credential(urls, revoked, clock.GetUtcNow());
        var key = keys.Current;
        var jwt = VcJwt.Sign(credential, credential["credentialSubject"]!["id"]!.GetValue<string>(), key, urls.Key(key.Thumbprint));
        // A revocation must show on the next read.
        response.Headers.CacheControl = "no-cache";
        return WantsJwt(request) ? Results.Text(jwt, VcJwt.MediaType) : TypedResults.Ok(new PublicCredential(jwt, credential));
    }

    /// <summary>The issuer's public keys, current and retired, as a JWK Set (each `kid` is the key's own URL).</summary>
    [AllowAnonymous]
    [WolverineGet("/.well-known/jwks.json", OperationId = "GetAwardJwks")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("The credential issuer's public keys")]
    public static JsonObject GetJwks(HttpRequest request, IConfiguration configuration, AwardSigningKeys keys)
    {
        var urls = IssuerUrls.For(request, configuration);
        return new JsonObject { ["keys"] = new JsonArray(keys.All.Select(k => (JsonNode)k.Jwk(urls.Key(k.Thumbprint))).ToArray()) };
    }

    /// <summary>One public key as a bare JWK, at the URL a credential's `kid` names (its RFC 7638 thumbprint).</summary>
    [AllowAnonymous]
    [WolverineGet(IssuerUrls.Root + "/keys/{thumbprint}", OperationId = "GetAwardKey")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("One of the issuer's public keys")]
    public static IResult GetKey(string thumbprint, HttpRequest request, IConfiguration configuration, AwardSigningKeys keys) =>
        keys.Find(thumbprint) is { } key
            ? TypedResults.Ok(key.Jwk(IssuerUrls.For(request, configuration).Key(key.Thumbprint)))
            : Results.Problem(Problems.NotFound("There is no key with this id."));
}
