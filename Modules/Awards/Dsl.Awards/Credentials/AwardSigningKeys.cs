using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Dsl.Awards.Credentials;

/// <summary>An RSA key the issuer signs (or once signed) credentials with, named by its RFC 7638 JWK thumbprint.</summary>
public sealed class CredentialKey
{
    public CredentialKey(RSA rsa, bool canSign)
    {
        if (rsa.KeySize < 2048) throw new InvalidOperationException($"Credential signing keys must be RSA of at least 2048 bits; this one has {rsa.KeySize}.");
        Rsa = rsa;
        CanSign = canSign;
        var p = rsa.ExportParameters(false);
        (N, E) = (Base64Url(p.Modulus!), Base64Url(p.Exponent!));
        // RFC 7638: the required members in lexicographic order, no whitespace.
        Thumbprint = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes($$"""{"e":"{{E}}","kty":"RSA","n":"{{N}}"}""")));
    }

    public RSA Rsa { get; }
    public bool CanSign { get; }
    public string Thumbprint { get; }
    public string N { get; }
    public string E { get; }

    /// <summary>The public key as a bare JWK.</summary>
    public JsonObject Jwk(string kid) => new()
    {
        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = kid, ["n"] = N, ["e"] = E,
    };

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}

/// <summary>
/// The issuer's key ring: the current signing key and the retired ones, still published so credentials they signed
/// stay verifiable. Production configures them (<c>Dsl:Awards:SigningKey</c> PEM or <c>Dsl:Awards:SigningKeyPath</c>,
/// <c>Dsl:Awards:RetiredKeys:n</c> PEMs or paths); elsewhere a key is created once in <c>.dsl/awards-keys</c>, where
/// every <c>*.pem</c> stays published and the newest signs (ADR 0028).
/// </summary>
public sealed class AwardSigningKeys
{
    private readonly object _gate = new();
    private readonly string? _directory;
    private List<CredentialKey> _keys;

    public AwardSigningKeys(IEnumerable<CredentialKey> keysCurrentFirst, string? directory = null)
    {
        _keys = keysCurrentFirst.ToList();
        if (_keys.Count == 0 || !_keys[0].CanSign) throw new InvalidOperationException("The current credential key must be a private key.");
        _directory = directory;
    }

    public CredentialKey Current { get { lock (_gate) return _keys[0]; } }

    public IReadOnlyList<CredentialKey> All { get { lock (_gate) return _keys.ToList(); } }

    public CredentialKey? Find(string thumbprint) => All.FirstOrDefault(k => k.Thumbprint == thumbprint);

    /// <summary>Makes a new key current; the old ones stay published (and in the key folder, when there is one).</summary>
    public CredentialKey Rotate(DateTimeOffset now)
    {
        var rsa = RSA.Create(3072);
        if (_directory is not null) Save(_directory, rsa, now);
        var key = new CredentialKey(rsa, canSign: true);
        lock (_gate) _keys = [key, .. _keys];
        return key;
    }

    public static AwardSigningKeys From(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
    {
        var section = configuration.GetSection("Dsl:Awards");
        var retired = section.GetSection("RetiredKeys").GetChildren().Select(c => c.Value).OfType<string>()
            .Select(v => Load(v, mustSign: false)).ToList();
        if (section["SigningKey"] is { Length: > 0 } pem) return new([Load(pem, mustSign: true), .. retired]);
        if (section["SigningKeyPath"] is { Length: > 0 } path) return new([Load(path, mustSign: true), .. retired]);
        if (environment.IsProduction() && !configuration.GetValue("Dsl:Embedded", false))
            throw new InvalidOperationException(
                "No credential signing key: set Dsl:Awards:SigningKey (an RSA private key in PEM, at least 2048 bits) or Dsl:Awards:SigningKeyPath.");

        var directory = section["KeyDirectory"] ?? Path.Combine(Path.GetFullPath(configuration["Dsl:DataDirectory"] ?? ".dsl"), "awards-keys");
        Directory.CreateDirectory(directory);
        var files = Directory.GetFiles(directory, "*.pem").OrderDescending().ToList();
        if (files.Count == 0)
        {
            using var created = RSA.Create(3072);
            files.Add(Save(directory, created, clock.GetUtcNow()));
        }
        return new([.. files.Select(f => Load(File.ReadAllText(f), mustSign: false)), .. retired], directory);
    }

    private static string Save(string directory, RSA rsa, DateTimeOffset now)
    {
        var file = Path.Combine(directory, $"credential-key-{now:yyyyMMddHHmmssfff}.pem");
        File.WriteAllText(file, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return file;
    }

    /// <summary>A PEM (private or public key) given inline or as a file path.</summary>
    private static CredentialKey Load(string pemOrPath, bool mustSign)
    {
        var pem = pemOrPath.Contains("-----BEGIN", StringComparison.Ordinal) ? pemOrPath : File.ReadAllText(pemOrPath);
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var canSign = pem.Contains("PRIVATE KEY", StringComparison.Ordinal);
        if (mustSign && !canSign) throw new InvalidOperationException("Dsl:Awards:SigningKey must be a private key.");
        return new CredentialKey(rsa, canSign);
    }
}
