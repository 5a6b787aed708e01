using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dsl.Host.Security;

/// <summary>Signs DSL tokens; used by the dev-token command and by tests. Production tokens come from the identity provider.</summary>
public sealed class TokenIssuer(SymmetricSecurityKey key, string issuer, string audience)
{
    public string Issue(string role, string? setting = null, string? name = null, TimeSpan? lifetime = null,
        string? subject = null)
    {
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, subject ?? Guid.NewGuid().ToString()),
            new("role", role),
            new("name", name ?? role),
        };
        if (setting is not null) claims.Add(new Claim(DslClaims.Setting, setting));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.Add(lifetime ?? TimeSpan.FromHours(12)),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    public static TokenIssuer From(IConfiguration configuration, bool allowDevelopmentKey) =>
        new(SigningKeys.Resolve(configuration, allowDevelopmentKey),
            configuration["Dsl:Auth:Issuer"] ?? "dsl", configuration["Dsl:Auth:Audience"] ?? "dsl-api");
}
