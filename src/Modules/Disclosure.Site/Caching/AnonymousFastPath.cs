using System.Threading.RateLimiting;
using Disclosure.Site.Preferences;
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
    private static readonly TimeSpan RenderWait = TimeSpan.FromSeconds(10);

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
        // (集约化): the same host, path base and path always resolve to the same site, so they name one page.
        var snapshot = await version.GetAsync(context.RequestAborted);
        var key = string.Join('|', version.Token(snapshot), request.Host.Value, request.PathBase.Value, request.Path.Value,
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
