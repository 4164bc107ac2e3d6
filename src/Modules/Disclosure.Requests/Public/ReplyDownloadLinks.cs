using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Disclosure.Requests.Public;

/// <summary>
/// Download links for an applicant's reply documents (在线查看): the request id, document id and an expiry sealed
/// with the data protection keys (authenticated encryption), so a link cannot be guessed or altered and stops
/// working after <see cref="Lifetime"/>. They are handed out only on the status page, after the tracking code and
/// second factor matched.
/// </summary>
public sealed class ReplyDownloadLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Prefix = "/requests/documents/";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly IDataProtector _protector = protection.CreateProtector("Disclosure.Requests.ReplyDownloads");

    public string Url(long requestId, long documentId)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).UtcTicks;
        return Prefix + _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{requestId}:{documentId}:{expires}"));
    }

    /// <summary>The ids sealed in <paramref name="token"/>, or null when it is forged, altered or expired.</summary>
    public (long RequestId, long DocumentId)? Open(string token)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split(':');
        return parts.Length == 3
            && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var request)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var document)
            && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().UtcTicks < expires
                ? (request, document)
                : null;
    }
}
