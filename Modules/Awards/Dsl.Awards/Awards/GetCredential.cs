using System.Text.Json.Nodes;
using Dsl.Awards.Credentials;

namespace Dsl.Awards.Awards;

/// <summary>The award's credential: the compact VC-JWT and the credential it carries.</summary>
public sealed record CredentialResponse(string Jwt, JsonObject Credential, string VerificationUrl);

public static class GetCredentialEndpoint
{
    public static Task<Award?> LoadAsync(Guid id, IQuerySession session, CancellationToken ct) => session.LoadAsync<Award>(id, ct);

    public static ProblemDetails Validate(Award? award, ClaimsPrincipal user) => AwardAccess.Check(user, award);

    /// <summary>
    /// The award's Open Badges 3.0 credential for the setting to share: with `Accept: application/jwt` the compact
    /// VC-JWT (RS256) itself, else JSON with `jwt`, the decoded `credential` and the public `verificationUrl`.
    /// </summary>
    [Authorize(Roles = AwardsRoles.Readers)]
    [WolverineGet("/api/awards/{id}/credential", OperationId = "GetAwardCredential")]
    [Tags(ApiTags.Awards)]
    [EndpointSummary("Get an award's verifiable credential")]
    [ProducesResponseType<CredentialResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, VcJwt.MediaType)]
    public static IResult Get([NotBody] Award award, HttpRequest request, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        if (PublicCredentials.WantsJwt(request)) return Results.Text(award.CredentialJwt, VcJwt.MediaType);
        return TypedResults.Ok(new CredentialResponse(award.CredentialJwt, VcJwt.Credential(award.CredentialJwt),
            IssuerUrls.For(request, configuration).Credential(award.CredentialId)));
    }
}
