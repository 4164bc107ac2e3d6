using System.Threading.RateLimiting;
using Disclosure.Site.Preferences;
using Disclosure.Storage.Changes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Disclosure.Site.Caching;

/// <summary>
/// Answers an anonymous GET or HEAD of a public page from <see cref="PublicPageCache"/> before routing,
/// authentication, MVC and the rate limiter's middleware run: the stored bytes in the coding the request accepts,
/// or 304 when its validators still match. What it cannot answer goes on down the pipeline, where
/// <see cref="PublicPageCapture"/> keeps the rendered page for the next request.
/// </summary>
/// <remarks>
/// The host places it first after the overload queue, whose bounded queue still applies, and before the security
/// headers' middleware: the stored headers include the ones the page was sent with. The per-address rate limit applies too: a hit takes a permit from the very limiter
/// the rate-limiting middleware uses (<see cref="RateLimiterOptions.GlobalLimiter"/>), and a request over its limit is
/// left to that middleware, which answers 429 as for any other page. A request that carries the sign-in cookie or an
/// Authorization header is never answered here: who it is is not known before authentication.
/// </remarks>
public sealed class AnonymousFastPath(
    RequestDelegate next,
    PublicContentVersion version,
    PublicPageCache cache,
    IOptions<PublicCacheOptions> options,
    IOptions<RateLimiterOptions> rateLimiting,
    IAuthenticationSchemeProvider schemes,
    IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    // How long a miss waits for another request rendering the same page before rendering it itself.
    // A page renders in well under this; a request still rendering after it (a slow reader of a large body) is not
    // worth holding others' slots for.
    private static readonly TimeSpan RenderWait = TimeSpan.FromSeconds(2);

    private readonly PartitionedRateLimiter<HttpContext>? _limiter = rateLimiting.Value.GlobalLimiter;
    private string? _signInCookie;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!options.Value.Enabled || !PublicPaths.IsCacheableRequest(request) || await CarriesSignInAsync(request))
        {
            await next(context);
            return;
        }

        // The key is made of what the request says, before the agency's site is resolved from its host and path
        // (集约化): the same scheme, host, path base and path always resolve to the same site, so they name one page
        // (the scheme too: links the page writes out, canonical and feed, follow it). Each part is prefixed with its
        // length, so no crafted path or query can spell another request's key.
        ChangeLogHead.Position snapshot;
        try
        {
            snapshot = await version.GetAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The primary cannot be asked: the pipeline answers, with its error page.
            await next(context);
            return;
        }

        var key = Key(version.Token(snapshot), request.Scheme, request.Host.Value, request.PathBase.Value, request.Path.Value,
            request.QueryString.Value, ReaderPreferences.From(request).CssClasses);
        if (cache.TryGet(key, out var page))
        {
            if (!await TryServeAsync(context, page))
            {
                await next(context);
            }

            return;
        }

        // HEAD is answered from a page some GET rendered; it never renders one to keep.
        var leads = false;
        if (HttpMethods.IsGet(request.Method))
        {
            leads = cache.TryLead(key, out var rendering);
            if (!leads && await WaitForAsync(rendering, context.RequestAborted) is { } rendered && await TryServeAsync(context, rendered))
            {
                return;
            }
        }

        var feature = new PublicPageFeature(key, snapshot);
        context.Features.Set(feature);
        if (leads)
        {
            // Those waiting for this request's page stop waiting as soon as it turns out there will be none: the
            // response starts and PublicPageCapture has not claimed it (a static file, an attachment, a page that sets
            // a cookie, an empty 404 for the error page). (Callbacks run last-registered first, so the capture's own
            // runs before this one.)
            context.Response.OnStarting(() =>
            {
                if (!feature.Claimed)
                {
                    cache.Finish(key, null);
                }

                return Task.CompletedTask;
            });
        }

        try
        {
            await next(context);
        }
        finally
        {
            if (leads)
            {
                cache.Finish(key, feature.Page);
            }
        }
    }

    private static string Key(params ReadOnlySpan<string?> parts)
    {
        var builder = new System.Text.StringBuilder(160);
        foreach (var part in parts)
        {
            builder.Append(part?.Length ?? 0).Append(':').Append(part);
        }

        return builder.ToString();
    }

    /// <summary>Sends the stored page, or false when the address is over its rate limit (the pipeline answers 429).</summary>
    private async Task<bool> TryServeAsync(HttpContext context, CachedPage page)
    {
        if (!TryTakePermit(context))
        {
            return false;
        }

        var request = context.Request;
        var response = context.Response;
        cache.CountAnswer();
        if (page.Validators.IsNotModified(request))
        {
            page.Validators.WriteTo(response);
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        response.StatusCode = page.StatusCode;
        // The page's headers, its validators among them. An array walked by index: enumerating an interface would box
        // its enumerator on every answer.
        for (var i = 0; i < page.Headers.Length; i++)
        {
            response.Headers[page.Headers[i].Key] = page.Headers[i].Value;
        }

        var coding = ContentCodings.Choose(request.Headers.AcceptEncoding, page.Brotli is not null, page.Gzip is not null);
        if (ContentCodings.Name(coding) is { } encoding)
        {
            response.Headers.ContentEncoding = encoding;
        }

        var body = page.Variant(coding);
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }

        return true;
    }

    private bool TryTakePermit(HttpContext context)
    {
        if (_limiter is null)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }

    private static async Task<CachedPage?> WaitForAsync(Task<CachedPage?> rendering, CancellationToken cancellationToken)
    {
        try
        {
            return await rendering.WaitAsync(RenderWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    // The cookie of the default sign-in scheme (the admin's, "disclosure.admin", and its chunks), looked up once.
    private async ValueTask<bool> CarriesSignInAsync(HttpRequest request)
    {
        if (request.Headers.Cookie.Count == 0)
        {
            return false;
        }

        _signInCookie ??= await schemes.GetDefaultAuthenticateSchemeAsync() is { } scheme
            ? cookies.Get(scheme.Name).Cookie.Name ?? CookieAuthenticationDefaults.CookiePrefix + scheme.Name
            : CookieAuthenticationDefaults.CookiePrefix;
        foreach (var header in request.Headers.Cookie)
        {
            if (header?.Contains(_signInCookie, StringComparison.Ordinal) == true)
            {
                return true;
            }
        }

        return false;
    }
}
