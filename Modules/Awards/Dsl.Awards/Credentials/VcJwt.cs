using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dsl.Awards.Credentials;

/// <summary>
/// VC-JWT as Open Badges 3.0 requires at minimum: a compact JWS, RS256, header <c>alg</c>, <c>kid</c>, <c>typ</c> only,
/// payload the credential itself plus <c>iss</c>, <c>jti</c>, <c>sub</c>, <c>nbf</c>, <c>exp</c> (no <c>vc</c> wrapper).
/// Written by hand so nothing else enters the header or payload (ADR 0028).
/// </summary>
public static class VcJwt
{
    public const string MediaType = "application/jwt";

    public static string Sign(JsonObject credential, string subjectId, CredentialKey key, string kid)
    {
        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = credential["issuer"] is JsonObject issuer ? issuer["id"]!.GetValue<string>() : credential["issuer"]!.GetValue<string>();
        payload["jti"] = credential["id"]!.GetValue<string>();
        payload["sub"] = subjectId;
        payload["nbf"] = Seconds(credential["validFrom"]!.GetValue<string>());
        if (credential["validUntil"] is { } until) payload["exp"] = Seconds(until.GetValue<string>());
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = kid, ["typ"] = "JWT" };
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = key.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The payload of a compact JWS this issuer signed (not verified: for showing what DSL stored itself).</summary>
    public static JsonObject Payload(string jwt) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]))!.AsObject();

    /// <summary>The credential inside the payload: the payload without the JWT registered claims.</summary>
    public static JsonObject Credential(string jwt)
    {
        var payload = Payload(jwt);
        foreach (var claim in new[] { "iss", "jti", "sub", "nbf", "exp" }) payload.Remove(claim);
        return payload;
    }

    /// <summary>Whole seconds in UTC, as the credential's dates are written.</summary>
    public static string Date(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static long Seconds(string date) => DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(json));
}
