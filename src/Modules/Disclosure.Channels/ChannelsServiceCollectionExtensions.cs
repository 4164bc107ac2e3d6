using Disclosure.Admin;
using Disclosure.Channels.Content;
using Disclosure.Channels.Outbox;
using Disclosure.Channels.WeChat;
using Disclosure.Channels.Web;
using Disclosure.Channels.Webhooks;
using Disclosure.Contents.Admin;
using Disclosure.Contents.Items;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels;

public static class ChannelsServiceCollectionExtensions
{

    /// <summary>
    /// The channels and their outbox: the writer that joins every publish/update/withdraw transaction, the
    /// dispatcher (a hosted service), and the web, WeChat and webhook channels, configured from <c>Channels:*</c>
    /// and <c>Site:PublicUrl</c>. Needs the storage, the Contents module and a <see cref="Disclosure.Media.MediaStore"/> registered.
    /// </summary>
    public static IServiceCollection AddDisclosureChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.SectionName));
        services.Configure<WeChatOptions>(configuration.GetSection(WeChatOptions.SectionName));
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        // The outbox.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<OutboxWriteGate>();
        services.ConfigureDbContext<DisclosureDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddScoped<IContentChangeObserver, OutboxWriter>();
        services.AddScoped<OutboxStore>();
        services.AddScoped<OutboxStatusQuery>();
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
        services.AddHttpClient(WeChatClient.HttpClientName, (sp, client) =>
        {
            client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WeChatOptions>>().Value.BaseUrl.TrimEnd('/') + "/");
            client.Timeout = Timeout.InfiniteTimeSpan; // each call sets its own, from WeChatOptions.TimeoutSeconds
        });
        services.AddSingleton<WeChatTokenCache>();
        services.AddScoped<WeChatTokenStore>();
        services.AddScoped<WeChatClient>();
        services.AddScoped<WeChatArticleBuilder>();

        // The admin page.
        services.AddAdminPolicy(ChannelsAdmin.Policy, RoleNames.InformationOffice, RoleNames.Administrator);
        services.AddSingleton(new AdminMenuEntry("发布渠道", "/admin/outbox", ChannelsAdmin.Policy, 30));
        return services;
    }
}
