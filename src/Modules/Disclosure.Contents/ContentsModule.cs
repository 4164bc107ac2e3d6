using Disclosure.Contents.Items;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Storage.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Contents;

/// <summary>
/// How a published item reads: the page model every public page, channel and module page builds on, with the page
/// extensions of the kernel's content types (budgets, comment windows, validity). Other modules add their own
/// <see cref="IItemPageExtension"/>.
/// </summary>
/// <remarks>The clock and <c>PublishedContentQuery</c> it builds on are the kernel's (<c>AddDisclosureStorage</c>).</remarks>
public sealed class ContentsModule : IDisclosureModule
{
    public void ConfigureServices(IServiceCollection services)
    {
        // Site:PublicUrl and Site:AllowedHosts: the public site's absolute URLs, also printed by the channels.
        services.AddOptions<PublicUrlOptions>().BindConfiguration("Site");
        services.AddSingleton<PublicUrls>();
        services.AddScoped<SiteContext>();
        services.AddScoped<ItemPageBuilder>();
        services.AddScoped<IItemPageExtension, BudgetChartExtension>();
        services.AddScoped<IItemPageExtension, CommentWindowExtension>();
        services.AddScoped<IItemPageExtension, DocumentValidityExtension>();
    }
}
