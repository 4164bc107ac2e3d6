using Disclosure.Site.Caching;
using Microsoft.AspNetCore.Builder;

namespace Disclosure.Site;

/// <summary>The public site's middleware: error pages, the page-number guard and the page cache, placed by the host.</summary>
public static class SiteApplicationExtensions
{
    /// <summary>
    /// Answers anonymous reads of public pages from the page cache (<see cref="AnonymousFastPath"/>); call before
    /// <see cref="UseAgencySites"/>, routing and authentication, right after the overload queue.
    /// </summary>
    public static WebApplication UseDisclosureSiteFastPath(this WebApplication app)
    {
        app.UseMiddleware<AnonymousFastPath>();
        return app;
    }

    /// <summary>
    /// Validators, 304s and keeping rendered pages for the fast path (<see cref="PublicPageCapture"/>); call after
    /// authentication, so staff and API clients are never given a cached page.
    /// </summary>
    public static WebApplication UseDisclosureSiteCaching(this WebApplication app)
    {
        app.UseMiddleware<PublicPageCapture>();
        return app;
    }

    /// <summary>
    /// Whose public site the request is (<c>/a/{code}/…</c> or an agency's host name, <see cref="AgencySites.AgencySiteMiddleware"/>);
    /// call first, before the error pages, so an error page re-executed for an agency's request stays on its site.
    /// </summary>
    public static WebApplication UseAgencySites(this WebApplication app)
    {
        app.UseMiddleware<AgencySites.AgencySiteMiddleware>();
        return app;
    }

    /// <summary>400 for page numbers no list accepts, on every endpoint (<see cref="Paging.PageParameterGuard"/>); call after the error pages.</summary>
    public static WebApplication UsePageParameterGuard(this WebApplication app)
    {
        app.UseMiddleware<Paging.PageParameterGuard>();
        return app;
    }

    /// <summary>HTML error pages for the public site and admin; the API keeps its ProblemDetails.</summary>
    public static WebApplication UseDisclosureSiteErrorPages(this WebApplication app)
    {
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/openapi"),
            branch =>
            {
                branch.UseExceptionHandler("/error/500");
                branch.UseStatusCodePagesWithReExecute("/error/{0}");
            });
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"),
            branch =>
            {
                branch.UseExceptionHandler();
                branch.UseStatusCodePages();
            });
        return app;
    }
}
