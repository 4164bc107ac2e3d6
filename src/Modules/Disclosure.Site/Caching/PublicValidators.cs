using System.Security.Cryptography;
using System.Text;
using Disclosure.Storage.Changes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Site.Caching;

/// <summary>
/// The ETag and Last-Modified of a public response. They come from <see cref="PublicContentVersion"/>, the reader's
/// preferences and the site, not from the bytes, so they are the same on every node, known before anything is
/// rendered, and change with every publication.
/// </summary>
public sealed class PublicValidators
{
    private readonly string _etagHeader;
    private readonly string _lastModifiedHeader;

    private PublicValidators(EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        ETag = etag;
        LastModified = lastModified;
        // Written on every cached answer, so formatted once.
        _etagHeader = etag.ToString();
        _lastModifiedHeader = HeaderUtilities.FormatDate(lastModified);
    }

    /// <summary>Browsers and proxies may keep the page but must ask again; the answer is usually a cheap 304.</summary>
    public const string CacheControl = "public, no-cache";

    public EntityTagHeaderValue ETag { get; }

    public DateTimeOffset LastModified { get; }

    public static PublicValidators For(PublicContentVersion version, ChangeLogHead.Position snapshot, string reader, string siteKey)
    {
        // The site is part of the validator: /guide of one agency's site is not /guide of another's (集约化).
        var site = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(siteKey)))[..12];
        var etag = new EntityTagHeaderValue($"\"{version.Token(snapshot)}-{reader.Replace(' ', '.')}-{site}\"", isWeak: true);
        var changed = version.LastModified(snapshot);
        // HTTP dates have whole seconds; a validator with a fraction would never compare equal to what comes back.
        return new PublicValidators(etag, new DateTimeOffset(changed.UtcTicks - (changed.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
    }

    /// <summary>If-None-Match (weak comparison) when present, else If-Modified-Since.</summary>
    public bool IsNotModified(HttpRequest request)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
            {
                return false;
            }

            foreach (var tag in tags)
            {
                if (tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ETag, useStrongComparison: false))
                {
                    return true;
                }
            }

            return false;
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since) && LastModified <= since;
    }

    public void WriteTo(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ETag = _etagHeader;
        headers.LastModified = _lastModifiedHeader;
        headers.CacheControl = CacheControl;
        // The page may be sent compressed (AnonymousFastPath), so a shared cache must key on the coding too.
        headers.Vary = HeaderNames.AcceptEncoding;
    }
}
