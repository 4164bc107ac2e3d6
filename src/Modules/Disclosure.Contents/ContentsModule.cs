using Disclosure.Admin;
using Disclosure.Contents.Admin;
using Disclosure.Contents.Api;
using Disclosure.Contents.Items;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Contents.Review;
using Disclosure.Contents.Review.Recipes;
using Disclosure.Core.Recipes;
using Disclosure.Core.Security;
using Disclosure.Media;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Disclosure.Contents;

/// <summary>
/// Contents and review. How a published item reads: the page model every public page, channel and module page builds
/// on, with the page extensions of the kernel's content types (budgets, comment windows, validity); other modules add
/// their own <see cref="IItemPageExtension"/>. How an item gets there: the editor's pages, the review chain with its
/// secrecy scan (保密审查), scheduled publication (定时发布), attachments, and the read-only content API and change feed.
/// </summary>
/// <remarks>The clock, the content manager and <c>PublishedContentQuery</c> it builds on are the kernel's (<c>AddDisclosureStorage</c>).</remarks>
public sealed class ContentsModule : IDisclosureModule
{
    /// <summary>Drafting and editing content: the 信息员 and the 公开办.</summary>
    public const string EditingPolicy = "Editing";

    /// <summary>The 敏感词 list of the secrecy scan: the 保密审查员 and 管理员.</summary>
    public const string KeywordsPolicy = "Keywords";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Admin", "Disclosure.ApiClients"];

    public IReadOnlyList<IRecipeStepReader> RecipeSteps { get; } = [new ReviewChainsStepReader()];

    public string? LedgerActionName(string action) => ReviewLedgerActions.DisplayName(action) ?? DraftLedgerActions.DisplayName(action);

    public void ConfigureServices(IServiceCollection services)
    {
        // Site:PublicUrl and Site:AllowedHosts: the public site's absolute URLs, also printed by the channels.
        services.AddOptions<PublicUrlOptions>().BindConfiguration("Site");
        services.AddSingleton<PublicUrls>();
        services.AddScoped<SiteContext>();
        services.AddScoped<Sites.PublicAgency>();
        services.AddScoped<ItemPageBuilder>();
        services.AddScoped<IItemPageExtension, BudgetChartExtension>();
        services.AddScoped<IItemPageExtension, CommentWindowExtension>();
        services.AddScoped<IItemPageExtension, DocumentValidityExtension>();

        // Attachments live in <Storage:DataFolder>/media, beside the database and the search index; a host may
        // register its own store first (the channel tests do).
        services.TryAddSingleton(new MediaOptions());
        services.TryAddSingleton(sp => new MediaStore(
            Path.Combine(sp.GetRequiredService<StorageOptions>().DataFolder, "media"), sp.GetRequiredService<MediaOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IAttachmentTextSource, MediaAttachmentText>();

        // Review: the chain, its queue, the secrecy scan, and an edit restarting a review under way.
        services.AddScoped<WorkflowService>();
        services.AddScoped<ReviewQueue>();
        services.AddScoped<SecrecyKeywords>();
        services.AddScoped<IContentEditObserver, ReviewRestartOnEdit>();
        services.AddScoped<IRecipeStepHandler, ReviewChainsStepHandler>();
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName);
        services.AddHostedService<ScheduledPublisher>();

        services.AddScoped<ItemAccess>();
        services.AddScoped<ContentAdminQuery>();
        services.AddAdminPolicy(EditingPolicy, RoleNames.Editor, RoleNames.InformationOffice);
        services.AddAdminPolicy(KeywordsPolicy, RoleNames.SecrecyOfficer, RoleNames.Administrator);
        services.AddSingleton(new AdminMenuEntry("工作台", "/admin", null, 0));
        services.AddSingleton(new AdminMenuEntry("内容", "/admin/content", null, 10));
        services.AddSingleton(new AdminMenuEntry("敏感词", "/admin/keywords", KeywordsPolicy, 40));
    }

    /// <summary>
    /// The content API (<c>/api/v1/content</c>), the change feed (<c>/api/v1/changes</c>) and the API clients' write
    /// API: drafts (<c>/api/v1/drafts</c>) and attachments (<c>/api/v1/media</c>).
    /// </summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapContentApi();
        endpoints.MapChangesApi();
        endpoints.MapDraftsApi();
        endpoints.MapMediaApi();
    }
}
