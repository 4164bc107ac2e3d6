using Disclosure.Site.Preferences;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Disclosure.Site.Caching;

/// <summary>
/// Caches anonymous GETs of public pages and the read API in memory, keyed by the URL, the reader's preferences and
/// the <see cref="PublicContentVersion"/> token, so no node ever serves a page older than the change log it has seen.
/// </summary>
public sealed class PublicCachePolicy : IOutputCachePolicy
{
    public const string Tag = "public";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<PublicCacheOptions>>().Value;
        if (!options.Enabled || !PublicPaths.IsCacheable(http))
        {
            return;
        }

        var version = http.RequestServices.GetRequiredService<PublicContentVersion>();
        var token = version.Token(await version.GetAsync(cancellation));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.DurationSeconds);
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["v"] = token;
        context.CacheVaryByRules.VaryByValues["reader"] = ReaderPreferences.From(http).CssClasses;
        // One agency's page must never answer for another's (集约化): the same path is a different page under
        // /a/{code} or on an agency's host name, so the agency, the path base and the host are all in the key.
        context.CacheVaryByRules.VaryByHost = true;
        context.CacheVaryByRules.VaryByValues["agency"] = PublicPaths.SiteKey(http);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;

        // Never keep a response that sets a cookie (antiforgery, sign-in) or is not a plain success or 404/410.
        if (!StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status404NotFound or StatusCodes.Status410Gone))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
