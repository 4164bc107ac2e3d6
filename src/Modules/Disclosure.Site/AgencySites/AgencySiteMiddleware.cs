using Disclosure.Contents.Sites;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Site.AgencySites;

/// <summary>
/// Decides, before anything else reads the path, whose public site a request is (集约化):
/// <list type="bullet">
/// <item><c>/a/{code}/rest</c> with <c>code</c> an agency of the installation: <c>/a/{code}</c> moves into
/// <see cref="HttpRequest.PathBase"/> and <c>/rest</c> (or <c>/</c>) is what the ordinary controllers see, so the
/// agency's 目录, 搜索, 指南, 双公示 and application form are the same pages, scoped;</item>
/// <item>otherwise the Host header, port stripped and case ignored, against the host names configured per agency —
/// that list only; any other host is the installation's own site. No other header (X-Forwarded-Host …) is read.</item>
/// </list>
/// The result is <see cref="PublicAgency"/>. Redirects the pages answer with (<c>Location: /requests/…</c>) get the path
/// base too, so a form posted on the agency's site comes back to it.
/// </summary>
public sealed class AgencySiteMiddleware(RequestDelegate next, AgencyHostMap hosts)
{
    private const string Prefix = "/a";

    private static readonly PathString HealthPath = new("/health");

    // An agency code as AgencyService accepts it (letters, digits, hyphens), checked before asking the database.
    private static bool LooksLikeCode(string code) => code.Length is > 0 and <= 64 && code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public async Task InvokeAsync(HttpContext context, PublicAgency agency, DisclosureDbContext db)
    {
        // A re-executed request (the error pages) keeps the agency it was given. /health/* is the node's, not a site's:
        // a load balancer may ask it under any host name, and with the database gone it must say 503 itself rather than
        // fail here looking the host up.
        if (agency.IsSet || context.Request.Path.StartsWithSegments(HealthPath))
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var originalBase = request.PathBase;
        var originalPath = request.Path;
        if (request.Path.StartsWithSegments(Prefix, out var rest) && rest.HasValue)
        {
            var value = rest.Value!;
            var slash = value.IndexOf('/', 1);
            var code = Uri.UnescapeDataString(slash < 0 ? value[1..] : value[1..slash]);
            var remaining = slash < 0 ? "/" : value[slash..];
            if (LooksLikeCode(code) && !IsOutside(remaining)
                && await db.Agencies.AsNoTracking().AnyAsync(a => a.Code == code, context.RequestAborted))
            {
                agency.Set(code, PublicAgencySource.Path);
                request.PathBase = originalBase.Add(new PathString(Prefix + "/" + code));
                request.Path = new PathString(remaining);
                context.Response.OnStarting(() =>
                {
                    KeepRedirectInside(context, originalBase.Add(new PathString(Prefix + "/" + code)));
                    return Task.CompletedTask;
                });
            }
        }
        else if (request.Host.HasValue && request.Host.Host is { Length: > 0 } host
            && await hosts.FindAsync(host.TrimEnd('.').ToLowerInvariant(), context.RequestServices, context.RequestAborted) is { } hostAgency)
        {
            agency.Set(hostAgency, PublicAgencySource.Host);
        }

        try
        {
            await next(context);
        }
        finally
        {
            request.PathBase = originalBase;
            request.Path = originalPath;
        }
    }

    // The admin is the installation's whatever the path: /a/{code}/admin is not an agency's admin. (The read API is
    // the agency's under its path: /a/{code}/api/v1/content lists its items as its pages do.)
    private static bool IsOutside(string remaining)
    {
        var path = new PathString(remaining);
        return path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/a", StringComparison.OrdinalIgnoreCase);
    }

    private static void KeepRedirectInside(HttpContext context, PathString pathBase)
    {
        var location = context.Response.Headers.Location.ToString();
        if (location.Length > 0 && AgencySitePaths.Follows(location) && !location.StartsWith(pathBase.Value + "/", StringComparison.Ordinal) && location != pathBase.Value)
        {
            context.Response.Headers.Location = pathBase.Value + location;
        }
    }
}
