using System.Security.Cryptography;

namespace Newsroom.Core.Accounts;

/// <summary>
/// Staff passwords stored as <c>pbkdf2-sha256${iterations}${salt}${hash}</c> (base64), so configuration never
/// holds a password in clear and a leaked appsettings file does not give one away.
/// </summary>
public static class PasswordHash
{
    public const int DefaultIterations = 100_000;
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>True when the text has the form <see cref="Create"/> produces.</summary>
    public static bool IsWellFormed(string? encoded) => TryDecode(encoded, out _, out _, out _);

    /// <summary>Checks a password in constant time; a malformed hash never verifies.</summary>
    public static bool Verify(string password, string? encoded)
    {
        if (!TryDecode(encoded, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryDecode(string? encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = encoded?.Split('$');
        if (parts is not [Scheme, var iter, var saltText, var hashText]
            || !int.TryParse(iter, out iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(saltText);
            hash = Convert.FromBase64String(hashText);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length > 0 && hash.Length > 0;
    }
}
