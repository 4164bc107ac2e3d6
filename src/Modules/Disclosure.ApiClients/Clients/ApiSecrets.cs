using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Disclosure.ApiClients.Clients;

/// <summary>The random strings a client is given and the hashes kept of them.</summary>
public static class ApiSecrets
{
    /// <summary>How a personal access token starts, so a leaked one is recognisable (and a JWT never is one).</summary>
    public const string PersonalTokenPrefix = "dspat_";

    private const string ClientIdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A client secret: 256 random bits, URL-safe.</summary>
    public static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string NewPersonalToken() => PersonalTokenPrefix + NewSecret();

    /// <summary>A client id: a readable stem from the kind of system, then random letters (no 0/o or 1/l to misread).</summary>
    public static string NewClientId() =>
        "client-" + RandomNumberGenerator.GetString(ClientIdAlphabet, 12);

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored hash in constant time.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));
}
