using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Dsl.Awards.Credentials;

/// <summary>
/// The W3C Bitstring Status List: one bit per issued credential (its <c>statusListIndex</c>), set when revoked; bit 0 is
/// the most significant bit of byte 0. Encoded GZIP-compressed, base64url without padding, prefixed "u" (multibase).
/// </summary>
public static class StatusList
{
    /// <summary>The smallest list the specification allows (16 KiB), so a list gives nothing away about how many were issued.</summary>
    public const int MinimumBits = 131_072;

    public static string Encode(IEnumerable<int> setIndices, int capacity = MinimumBits)
    {
        var indices = setIndices.ToList();
        var needed = indices.Count == 0 ? 0 : indices.Max() + 1;
        // The list grows in whole steps of the minimum size.
        var length = capacity / 8;
        while (length * 8 < needed) length += MinimumBits / 8;
        var bytes = new byte[length];
        foreach (var index in indices) bytes[index / 8] |= (byte)(0x80 >> (index % 8));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return "u" + System.Buffers.Text.Base64Url.EncodeToString(compressed.ToArray());
    }

    public static bool IsSet(string encodedList, int index)
    {
        if (!encodedList.StartsWith('u')) throw new FormatException("A status list is multibase base64url, prefixed 'u'.");
        using var gzip = new GZipStream(new MemoryStream(System.Buffers.Text.Base64Url.DecodeFromChars(encodedList.AsSpan(1))), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        var list = bytes.ToArray();
        return (list[index / 8] & (0x80 >> (index % 8))) != 0;
    }

    /// <summary>The status list credential (VC 2.0), to be signed as a VC-JWT like the credentials it serves.</summary>
    public static JsonObject Credential(IssuerUrls urls, IEnumerable<int> revokedIndices, DateTimeOffset now) => new()
    {
        ["@context"] = new JsonArray(OpenBadge.VcContext),
        ["id"] = urls.StatusList,
        ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
        ["issuer"] = new JsonObject { ["id"] = urls.Issuer, ["type"] = new JsonArray("Profile"), ["name"] = OpenBadge.IssuerName },
        ["validFrom"] = VcJwt.Date(now),
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = $"{urls.StatusList}#list",
            ["type"] = "BitstringStatusList",
            ["statusPurpose"] = "revocation",
            ["encodedList"] = Encode(revokedIndices),
        },
    };
}
