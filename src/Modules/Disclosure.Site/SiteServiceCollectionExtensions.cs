using Disclosure.Contents.Items;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Site.Caching;
using Disclosure.Site.Theming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Disclosure.Site;

public static class SiteServiceCollectionExtensions
{
    /// <summary>The public site: its controllers, the page cache and the theme lookup (item pages are built by the Contents module).</summary>
    public static IServiceCollection AddDisclosureSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ThemeOptions>(configuration.GetSection(ThemeOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddControllersWithViews().AddApplicationPart(typeof(SiteServiceCollectionExtensions).Assembly);
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new ThemeViewLocationExpander()));
        services.AddSingleton<IPublicItemView, ThemedItemView>();

        services.Configure<PublicCacheOptions>(configuration.GetSection(PublicCacheOptions.SectionName));
        services.AddSingleton<PublicContentVersion>();
        services.AddHostedService<ContentVersionFollower>();
        services.AddOutputCache(options => options.AddBasePolicy(new PublicCachePolicy()));
        return services;
    }

    /// <summary>304s and the in-memory page cache for anonymous reads; call after authentication so staff are never served a cached page.</summary>
    public static WebApplication UseDisclosureSiteCaching(this WebApplication app)
    {
        app.UseMiddleware<ConditionalRequestMiddleware>();
        app.UseOutputCache();
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
