using Disclosure.Admin;
using Disclosure.Channels.Content;
using Disclosure.Channels.Notices;
using Disclosure.Channels.Outbox;
using Disclosure.Channels.WeChat;
using Disclosure.Channels.Web;
using Disclosure.Channels.Webhooks;
using Disclosure.Channels.Weibo;
using Disclosure.Contents.Admin;
using Disclosure.Contents.Items;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels;

/// <summary>
/// 发布渠道: the transactional outbox — the writer that joins every publish/update/withdraw transaction and the
/// dispatcher (a hosted service) — and the web, WeChat, Weibo and webhook channels it delivers to, configured from
/// <c>Channels:*</c> and <c>Site:PublicUrl</c>, and the app's webhook subscriptions API clients manage
/// (<c>/api/v1/webhooks</c>); its tables <c>OutboxMessages</c>, <c>ChannelTokens</c> and <c>WebhookSubscriptions</c>; its
/// admin page. Needs a <see cref="Disclosure.Media.MediaStore"/> registered by the host.
/// </summary>
public sealed class ChannelsModule : IDisclosureModule
{
    public IReadOnlyList<string> Dependencies => ["Disclosure.Contents", "Disclosure.Admin", "Disclosure.ApiClients"];

    public string? LedgerActionName(string action) => WebhookLedgerActions.DisplayName(action);

    /// <summary>The app channel's subscriptions API for API clients: <c>/api/v1/webhooks</c>.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapWebhookSubscriptionsApi();

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        // Per-agency accounts and endpoints are checked when the site starts: a misspelt key (ErrorOnUnknownConfiguration),
        // a duplicate agency or AppId, an incomplete entry stop it with a message naming the key.
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.SectionName, b => b.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName, b => b.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>();
        services.AddOptions<WeiboOptions>().BindConfiguration(WeiboOptions.SectionName, b => b.ErrorOnUnknownConfiguration = true).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeiboOptions>, WeiboOptionsValidator>();

        // The outbox.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<OutboxWriteGate>();
        services.ConfigureDbContext<DisclosureDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddScoped<IContentChangeObserver, OutboxWriter>();
        services.AddScoped<OutboxStore>();
        services.AddScoped<OutboxStatusQuery>();
        services.AddScoped<NoticeWriter>();
        services.AddScoped<ILedgerSubjectResolver, WebhookLedgerSubjects>();
        services.AddHostedService<OutboxDispatcher>();

        // What channels read.
        services.AddScoped<ChannelItemLoader>();

        // The channels.
        services.AddScoped<IChannel, WebChannel>();
        services.AddScoped<IChannel, WebhookChannel>();
        services.AddScoped<IChannel, WeChatChannel>();
        services.AddScoped<ChannelSetup>();
        services.AddSingleton(new ContentDetailsSection("/Pages/Admin/Content/_ChannelStatus.cshtml"));
        services.AddHttpClient(WebhookChannel.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        // 推送订阅: addresses other systems gave through the API are dialled only on public addresses, without redirects (SSRF).
        services.AddScoped<WebhookSubscriptions>();
        services.AddHttpClient(WebhookChannel.SubscriptionHttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var webhooks = sp.GetRequiredService<IOptions<WebhookOptions>>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    ConnectCallback = WebhookUrls.ConnectPublicOnly(() => webhooks.Value.AllowPrivateSubscriptionAddresses),
                };
            });
        services.AddHttpClient(WeChatClient.HttpClientName, (sp, client) =>
        {
            client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WeChatOptions>>().Value.BaseUrl.TrimEnd('/') + "/");
            client.Timeout = Timeout.InfiniteTimeSpan; // each call sets its own, from WeChatOptions.TimeoutSeconds
        });
        services.AddSingleton<WeChatTokenCache>();
        services.AddScoped<WeChatTokenStore>();
        services.AddScoped<WeChatClient>();
        services.AddScoped<WeChatArticleBuilder>();

        // 政务微博: the linked accounts' tokens are sealed with the data protection keys (the host says where they live).
        services.AddDataProtection();
        services.AddScoped<IChannel, WeiboChannel>();
        services.AddHttpClient(WeiboClient.HttpClientName, (sp, client) =>
        {
            client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WeiboOptions>>().Value.BaseUrl.TrimEnd('/') + "/");
            client.Timeout = Timeout.InfiniteTimeSpan; // each call sets its own, from WeiboOptions.TimeoutSeconds
        });
        services.AddScoped<WeiboClient>();
        services.AddScoped<WeiboLinkStore>();
        services.AddScoped<WeiboPostBuilder>();
        services.AddScoped<WeiboAuthorisation>();
        services.AddScoped<WeiboAccounts>();

        // The admin page.
        services.AddAdminPolicy(ChannelsAdmin.Policy, RoleNames.InformationOffice, RoleNames.Administrator);
        services.AddSingleton(new AdminMenuEntry("发布渠道", "/admin/outbox", ChannelsAdmin.Policy, 30));
    }
}
