using Disclosure.Site.Preferences;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Site.Caching;

/// <summary>
/// ETag and Last-Modified on public pages and the read API, answering If-None-Match / If-Modified-Since with 304
/// before anything is rendered. Validators come from <see cref="PublicContentVersion"/>, so they are the same on
/// every node and change with every publication.
/// </summary>
public sealed class ConditionalRequestMiddleware(RequestDelegate next, PublicContentVersion version, IOptions<PublicCacheOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!options.Value.Enabled || !PublicPaths.IsCacheable(context))
        {
            await next(context);
            return;
        }

        var snapshot = await version.GetAsync(context.RequestAborted);
        var reader = ReaderPreferences.From(context).CssClasses.Replace(' ', '.');
        // The site is part of the validator: /guide of one agency's site is not /guide of another's (集约化).
        var site = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(PublicPaths.SiteKey(context))))[..12].ToLowerInvariant();
        var etag = new EntityTagHeaderValue($"\"{version.Token(snapshot)}-{reader}-{site}\"", isWeak: true);
        var lastModified = version.LastModified(snapshot);
        lastModified = new DateTimeOffset(lastModified.Year, lastModified.Month, lastModified.Day, lastModified.Hour, lastModified.Minute, lastModified.Second, TimeSpan.Zero);

        var request = context.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any))
            : request.IfModifiedSince is { } since && lastModified <= since;

        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        // Browsers and proxies may keep the page but must ask again; the answer is usually a cheap 304.
        context.Response.Headers.CacheControl = "public, no-cache";
        if (notModified)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        await next(context);
    }
}
