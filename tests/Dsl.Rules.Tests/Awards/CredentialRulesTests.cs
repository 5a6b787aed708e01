using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Dsl.Awards.Awards;
using Dsl.Awards.Credentials;
using Dsl.Awards.Eligibility;

namespace Dsl.Rules.Tests.Awards;

public sealed class CredentialRulesTests
{
    private static readonly IssuerUrls Urls = new("https://dsl.example.org");

    [Fact]
    public void the_status_list_is_16_KiB_gzipped_base64url_prefixed_u_with_bit_0_the_top_bit_of_byte_0()
    {
        var encoded = StatusList.Encode([0, 9, 131_071]);

        encoded[0].ShouldBe('u');
        encoded.ShouldNotContain("=");
        using var gzip = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(encoded.AsSpan(1))), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        var list = bytes.ToArray();
        list.Length.ShouldBe(131_072 / 8);
        list[0].ShouldBe((byte)0x80);
        list[1].ShouldBe((byte)0x40);
        list[^1].ShouldBe((byte)0x01);
        list.Count(b => b != 0).ShouldBe(3);
        StatusList.IsSet(encoded, 9).ShouldBeTrue();
        StatusList.IsSet(encoded, 8).ShouldBeFalse();
    }

    [Fact]
    public void a_list_grows_in_whole_steps_when_an_index_is_beyond_it()
    {
        StatusList.IsSet(StatusList.Encode([131_072]), 131_072).ShouldBeTrue();
    }

    [Fact]
    public void the_vc_jwt_header_has_only_alg_kid_typ_and_the_payload_is_the_credential_with_its_registered_claims()
    {
        var key = new CredentialKey(RSA.Create(2048), canSign: true);
        var award = new Award
        {
            Id = Guid.NewGuid(), SettingUrn = "137000", SettingName = "Oak Primary", CredentialId = Guid.NewGuid(), StatusListIndex = 7,
            ValidFrom = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), ValidUntil = new DateTimeOffset(2029, 12, 1, 10, 0, 0, TimeSpan.Zero),
        };
        var credential = OpenBadge.Credential(Urls, award, AwardCriteria.Current, award.ValidFrom);
        var jwt = VcJwt.Sign(credential, OpenBadge.SubjectId("137000"), key, Urls.Key(key.Thumbprint));

        var parts = jwt.Split('.');
        parts.Length.ShouldBe(3);
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        header.Select(p => p.Key).Order().ShouldBe(["alg", "kid", "typ"]);
        (header["alg"]!.GetValue<string>(), header["typ"]!.GetValue<string>()).ShouldBe(("RS256", "JWT"));
        header["kid"]!.GetValue<string>().ShouldBe($"https://dsl.example.org/api/awards/public/keys/{key.Thumbprint}");
        var payload = VcJwt.Payload(jwt);
        payload["iss"]!.GetValue<string>().ShouldBe(Urls.Issuer);
        payload["jti"]!.GetValue<string>().ShouldBe($"urn:uuid:{award.CredentialId}");
        payload["sub"]!.GetValue<string>().ShouldBe("urn:dsl:setting:137000");
        payload["nbf"]!.GetValue<long>().ShouldBe(award.ValidFrom.ToUnixTimeSeconds());
        payload["exp"]!.GetValue<long>().ShouldBe(award.ValidUntil.ToUnixTimeSeconds());
        payload.ContainsKey("vc").ShouldBeFalse();
        payload["validFrom"]!.GetValue<string>().ShouldBe("2026-12-01T10:00:00Z");
        JsonNode.DeepEquals(VcJwt.Credential(jwt), credential).ShouldBeTrue();
        key.Rsa.VerifyData(System.Text.Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
    }

    [Fact]
    public void keys_under_2048_bits_are_refused()
    {
        Should.Throw<InvalidOperationException>(() => new CredentialKey(RSA.Create(1024), canSign: true));
    }

    [Fact]
    public void a_key_is_named_by_its_rfc_7638_thumbprint()
    {
        // RFC 7638 section 3.1's example key and thumbprint.
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars("0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"),
            Exponent = Base64Url.DecodeFromChars("AQAB"),
        });

        new CredentialKey(rsa, canSign: false).Thumbprint.ShouldBe("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }
}
