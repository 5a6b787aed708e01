using Microsoft.IdentityModel.Tokens;

namespace Dsl.Host.Security;

/// <summary>
/// Where the token signing key comes from: configuration (Dsl:Auth:SigningKey, base64, at least
/// 32 bytes) in production; for local use a key created once and kept under the data directory.
/// </summary>
public static class SigningKeys
{
    public static SymmetricSecurityKey Resolve(IConfiguration configuration, bool allowDevelopmentKey)
    {
        var configured = configuration["Dsl:Auth:SigningKey"];
        if (!string.IsNullOrWhiteSpace(configured)) return FromBase64(configured);
        if (!allowDevelopmentKey)
            throw new InvalidOperationException(
                "No token signing key: set Dsl:Auth:SigningKey (environment Dsl__Auth__SigningKey) to a base64 key of at least 32 bytes.");

        var path = Path.Combine(DataDirectory(configuration), "dev-signing-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return FromBase64(File.ReadAllText(path).Trim());
    }

    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Dsl:DataDirectory"] ?? ".dsl");

    private static SymmetricSecurityKey FromBase64(string value)
    {
        var bytes = Convert.FromBase64String(value);
        if (bytes.Length < 32) throw new InvalidOperationException("Dsl:Auth:SigningKey must be at least 32 bytes.");
        return new SymmetricSecurityKey(bytes) { KeyId = "dsl" };
    }
}
