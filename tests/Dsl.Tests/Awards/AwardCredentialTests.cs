using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dsl.Awards.Credentials;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Dsl.Tests.Awards;

/// <summary>
/// The credential as an outside verifier sees it: nothing but the public URLs, an independent JOSE library
/// (Microsoft.IdentityModel.JsonWebTokens) and 1EdTech's own JSON Schema.
/// </summary>
public sealed class AwardCredentialTests(DslApp app) : ApiTest(app)
{
    private AwardsGiven Given => new(App);
    private HttpClient Anonymous => App.Client(null);

    private async Task<(string Jwt, Guid AwardId, string Urn)> AwardedCredential()
    {
        var (urn, _) = await Given.SettingThatCompletedEmbedding();
        var awardId = await Given.Awarded(urn);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/awards/{awardId}/credential");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/jwt"));
        var response = await Given.As("head", urn).SendAsync(request, Ct);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/jwt");
        return (await response.Content.ReadAsStringAsync(Ct), awardId, urn);
    }

    /// <summary>Validates as a verifier would: the key from the URL the token's kid names, RS256 and typ JWT only.</summary>
    private async Task<TokenValidationResult> Verify(string jwt, string? issuer = null)
    {
        var kid = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[0]))!["kid"]!.GetValue<string>();
        var key = new JsonWebKey(await Anonymous.GetStringAsync(kid, Ct));
        return await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKey = key, ValidIssuer = issuer ?? VerifiedIssuer, ValidateAudience = false,
            // The test host's clock is controllable and may run ahead of the real one; nbf and exp are compared below.
            ValidateLifetime = false, ValidAlgorithms = ["RS256"], ValidTypes = ["JWT"],
        });
    }

    /// <summary>The issuer every credential names (the profile's id on this host).</summary>
    private const string VerifiedIssuer = "http://localhost/api/awards/public/issuer";

    [Fact]
    public async Task the_credential_verifies_from_the_published_key_its_claims_match_and_it_meets_the_ob_3_schema()
    {
        var (jwt, awardId, urn) = await AwardedCredential();

        var issuer = await Anonymous.GetFromJsonAsync<JsonNode>("/api/awards/public/issuer", Ct);
        var result = await Verify(jwt, issuer!["id"]!.GetValue<string>());
        result.IsValid.ShouldBeTrue(result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        token.GetHeaderValue<string>("alg").ShouldBe("RS256");
        token.Kid.ShouldStartWith("http://localhost/api/awards/public/keys/");
        var jwks = await Anonymous.GetFromJsonAsync<JsonNode>("/.well-known/jwks.json", Ct);
        jwks!["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ShouldContain(token.Kid);

        var credential = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1]))!.AsObject();
        var award = await Json(await Admin.GetAsync($"/api/awards/{awardId}", Ct));
        token.Issuer.ShouldBe(credential["issuer"]!["id"]!.GetValue<string>());
        token.Id.ShouldBe(credential["id"]!.GetValue<string>());
        token.Id.ShouldBe(award["credentialId"]!.GetValue<string>());
        token.Subject.ShouldBe($"urn:dsl:setting:{urn}");
        token.Subject.ShouldBe(credential["credentialSubject"]!["id"]!.GetValue<string>());
        token.ValidFrom.ShouldBe(award["validFrom"]!.GetValue<DateTimeOffset>().UtcDateTime);
        token.ValidTo.ShouldBe(award["validUntil"]!.GetValue<DateTimeOffset>().UtcDateTime);
        credential["validFrom"]!.GetValue<string>().ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        token.ValidFrom.ShouldBe(DateTimeOffset.Parse(credential["validFrom"]!.GetValue<string>()).UtcDateTime);

        // What OB 3.0 and this issue ask of the credential's shape.
        credential["@context"]!.AsArray().Select(c => c!.GetValue<string>())
            .ShouldBe(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
        credential["id"]!.GetValue<string>().ShouldStartWith("urn:uuid:");
        credential["type"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["VerifiableCredential", "OpenBadgeCredential"]);
        credential["issuer"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["Profile"]);
        credential["issuer"]!["id"]!.GetValue<string>().ShouldStartWith("http");
        var subject = credential["credentialSubject"]!;
        subject["type"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["AchievementSubject"]);
        subject["achievement"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["Achievement"]);
        subject["achievement"]!["achievementType"]!.GetValue<string>().ShouldBe("Award");
        subject["achievement"]!["criteria"]!["narrative"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var status = credential["credentialStatus"]!.AsObject();
        status["type"]!.GetValue<string>().ShouldBe("BitstringStatusListEntry");
        status["statusPurpose"]!.GetValue<string>().ShouldBe("revocation");
        int.Parse(status["statusListIndex"]!.GetValue<string>()).ToString().ShouldBe(status["statusListIndex"]!.GetValue<string>());
        credential["credentialSchema"]!.AsArray().Single()!["type"]!.GetValue<string>().ShouldBe("1EdTechJsonSchemaValidator2019");
        foreach (var claim in new[] { "iss", "jti", "sub", "nbf", "exp" }) credential.Remove(claim);
        var schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Awards", "ob_v3p0_achievementcredential_schema.json"));
        var evaluation = schema.Evaluate(credential, new EvaluationOptions { OutputFormat = OutputFormat.List });
        evaluation.IsValid.ShouldBeTrue(string.Join("; ", (evaluation.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        // The public address of the credential, and the achievement it names, answer without a token.
        var accept = new HttpRequestMessage(HttpMethod.Get, credential["id"]!.GetValue<string>().Replace("urn:uuid:", "/api/awards/public/credentials/"));
        accept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/jwt"));
        (await (await Anonymous.SendAsync(accept, Ct)).Content.ReadAsStringAsync(Ct)).ShouldBe(jwt);
        (await Anonymous.GetAsync(subject["achievement"]!["id"]!.GetValue<string>(), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var pdf = await Given.As("head", urn).GetAsync($"/api/awards/{awardId}/certificate", Ct);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct));
        string.Concat(document.GetPage(1).Letters.Select(l => l.Value)).ShouldContain(credential["id"]!.GetValue<string>()[..20]);
    }

    [Fact]
    public async Task a_credential_with_one_character_of_its_payload_changed_fails_verification()
    {
        var (jwt, _, _) = await AwardedCredential();
        var parts = jwt.Split('.');
        // One character of the payload changed, keeping it valid JSON, so only the signature can tell.
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        var at = payload.IndexOf("\"sub\":\"urn:dsl:setting:", StringComparison.Ordinal) + "\"sub\":\"urn:dsl:setting:".Length;
        var changed = payload[..at] + (payload[at] == '9' ? '8' : '9') + payload[(at + 1)..];
        var tampered = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(changed))}.{parts[2]}";

        (await Verify(jwt)).IsValid.ShouldBeTrue();
        var rejected = await Verify(tampered, new JsonWebToken(jwt).Issuer);
        rejected.IsValid.ShouldBeFalse();
        rejected.Exception.ShouldBeAssignableTo<SecurityTokenInvalidSignatureException>();
    }

    [Fact]
    public async Task revoking_an_award_sets_exactly_its_bit_in_the_signed_status_list()
    {
        var (first, firstAward, _) = await AwardedCredential();
        var (second, _, _) = await AwardedCredential();
        int Index(string jwt) => int.Parse(Status(jwt)["statusListIndex"]!.GetValue<string>());

        async Task<(string Encoded, JsonWebToken List)> ReadList()
        {
            var url = Status(first)["statusListCredential"]!.GetValue<string>();
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/jwt"));
            var jwt = await (await Anonymous.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct);
            var verified = await Verify(jwt);
            verified.IsValid.ShouldBeTrue(verified.Exception?.Message);
            var payload = JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1]))!;
            payload["type"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["VerifiableCredential", "BitstringStatusListCredential"]);
            payload["credentialSubject"]!["type"]!.GetValue<string>().ShouldBe("BitstringStatusList");
            payload["credentialSubject"]!["statusPurpose"]!.GetValue<string>().ShouldBe("revocation");
            return (payload["credentialSubject"]!["encodedList"]!.GetValue<string>(), (JsonWebToken)verified.SecurityToken);
        }

        Index(first).ShouldNotBe(Index(second));
        var (before, _) = await ReadList();
        StatusList.IsSet(before, Index(first)).ShouldBeFalse();

        (await Admin.PostAsJsonAsync($"/api/awards/{firstAward}/revocation", new { reason = "Evidence found to be misrepresented." }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var (after, _) = await ReadList();
        StatusList.IsSet(after, Index(first)).ShouldBeTrue();
        StatusList.IsSet(after, Index(second)).ShouldBeFalse();
        Decoded(after).Count(b => b != 0).ShouldBe(1);
        Decoded(after).Length.ShouldBeGreaterThanOrEqualTo(131_072 / 8);
        (await Json(await Admin.GetAsync($"/api/awards/{firstAward}", Ct)))["status"]!.GetValue<string>().ShouldBe("revoked");
    }

    [Fact]
    public async Task after_a_key_rotation_old_credentials_still_verify_and_new_ones_use_the_new_key()
    {
        var (old, _, _) = await AwardedCredential();
        var keys = App.Host.Services.GetRequiredService<AwardSigningKeys>();

        keys.Rotate(App.Clock.GetUtcNow());
        var (fresh, _, _) = await AwardedCredential();

        new JsonWebToken(fresh).Kid.ShouldNotBe(new JsonWebToken(old).Kid);
        (await Verify(old)).IsValid.ShouldBeTrue();
        (await Verify(fresh)).IsValid.ShouldBeTrue();
        var published = (await Anonymous.GetFromJsonAsync<JsonNode>("/.well-known/jwks.json", Ct))!["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ToList();
        published.ShouldContain(new JsonWebToken(old).Kid);
        published.ShouldContain(new JsonWebToken(fresh).Kid);
    }

    private static JsonNode Status(string jwt) =>
        JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(jwt.Split('.')[1]))!["credentialStatus"]!;

    private static byte[] Decoded(string encoded)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(System.Buffers.Text.Base64Url.DecodeFromChars(encoded.AsSpan(1))),
            System.IO.Compression.CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
