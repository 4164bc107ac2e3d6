using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Site.Caching;

/// <summary>Which requests may be answered from cache or with 304: anonymous reads of what only the change log changes.</summary>
public static class PublicPaths
{
    // Search follows the index, which lags the change log; forms carry antiforgery tokens; admin is per user;
    // the 台账 heads move with every ledger entry, most of which are not content changes; 执法公开's query is a form and
    // its statistics follow the cases, not the change log; so do 局长信箱's forms, its published letters and figures;
    // 社会评议's pages follow the clock, the office's actions and the visitor's answered-cookie;
    // 征求意见 pages carry a comment form and show comments as they are approved, which the change log does not see;
    // 在线访谈 pages carry the question form and the 文字直播, which moves without the change log (live.json sets its own short Cache-Control).
    private static readonly PathString[] Excluded =
        ["/admin", "/search", "/api/v1/search", "/preferences", "/error", "/requests", "/enforcement", "/mailbox", "/satisfaction", "/surveys", "/consultations", "/interviews", "/health", "/openapi", "/_content", "/ledger"];

    /// <summary>
    /// Which site a public response belongs to: the agency the request resolved to (if any), the path base and the
    /// host, so cached pages and validators of one agency's site never stand for another's.
    /// </summary>
    public static string SiteKey(HttpContext context)
    {
        var agency = context.RequestServices.GetService<Disclosure.Contents.Sites.PublicAgency>()?.Code ?? string.Empty;
        return $"{agency}|{context.Request.PathBase.Value}|{context.Request.Host.Value?.ToLowerInvariant()}";
    }

    /// <summary>An anonymous GET or HEAD of a path whose answer only the change log changes (after authentication).</summary>
    public static bool IsCacheable(HttpContext context) =>
        context.User.Identity?.IsAuthenticated != true && IsCacheableRequest(context.Request);

    /// <summary>
    /// <see cref="IsCacheable"/> as far as the request itself tells, before authentication: the method, no
    /// Authorization header and the path. Whether a cookie signs someone in is the caller's to check.
    /// </summary>
    public static bool IsCacheableRequest(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (request.Headers.Authorization.Count > 0)
        {
            return false;
        }

        // Before the agency's site is resolved, /a/{code}/search is still whole: what follows the agency is what counts.
        var path = request.Path;
        if (path.StartsWithSegments("/a", StringComparison.OrdinalIgnoreCase, out var agencyPath) && agencyPath.Value is { Length: > 1 } value)
        {
            var slash = value.IndexOf('/', 1);
            path = slash < 0 ? PathString.Empty : new PathString(value[slash..]);
        }

        foreach (var excluded in Excluded)
        {
            if (path.StartsWithSegments(excluded, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
