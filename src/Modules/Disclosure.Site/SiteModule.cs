using Disclosure.Contents.Items;
using Disclosure.Search.Suggestions;
using Disclosure.Site.Caching;
using Disclosure.Site.Forms;
using Disclosure.Site.Search;
using Disclosure.Site.Theming;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Site;

/// <summary>
/// The public site: its controllers, the page cache that follows the change log and the theme lookup (item pages are
/// built by the Contents module, search by the Search module). The host puts its middleware in the pipeline with
/// <see cref="SiteApplicationExtensions"/>.
/// </summary>
public sealed class SiteModule : IDisclosureModule
{
    public IReadOnlyList<string> Dependencies => ["Disclosure.Contents", "Disclosure.Search"];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<ThemeOptions>().BindConfiguration(ThemeOptions.SectionName);
        services.AddControllersWithViews().AddApplicationPart(typeof(SiteModule).Assembly);
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new ThemeViewLocationExpander()));
        services.AddSingleton<IPublicItemView, ThemedItemView>();
        // Search suggestions on an agency's site cover what its search page covers.
        services.AddScoped<ISearchSiteScope, SiteSearchScope>();

        // The public forms' captcha and per-address submission budgets (modules name their own budgets).
        services.AddScoped<CaptchaStore>();
        services.AddSingleton<FormBudgets>();

        services.AddOptions<PublicCacheOptions>().BindConfiguration(PublicCacheOptions.SectionName);
        services.AddSingleton<PublicContentVersion>();
        services.AddHostedService<ContentVersionFollower>();
        services.AddSingleton<PublicPageCache>();
    }
}
