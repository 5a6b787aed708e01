using System.Security.Cryptography;

/// <summary>
/// A Production host refuses to start without a credential signing key (Dsl:Awards:SigningKey), as it does without
/// Dsl:Auth:SigningKey; the benchmark's hosts get one made for the run (the same for every node).
/// </summary>
internal static class AwardsKey
{
    public static readonly string Pem = Create();

    private static string Create()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }
}
