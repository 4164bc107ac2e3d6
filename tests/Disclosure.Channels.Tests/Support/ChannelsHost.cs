using System.Text.Json.Nodes;
using Disclosure.Channels.Outbox;
using Disclosure.Core.ContentManagement;
using Disclosure.Media;
using Disclosure.Modules;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Disclosure.Channels.Tests.Support;

/// <summary>
/// A node of the site as far as channels go: storage on a shared test database, the media store, and the channels
/// with their dispatcher as a hosted service. Several may run on one database (several nodes, or a restart).
/// </summary>
public sealed class ChannelsHost : IAsyncDisposable
{
    public const string PublicUrl = "https://www.yongning.gov.cn";

    private readonly IHost _host;

    private ChannelsHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>Settings every test node shares: fast polls and retries so tests finish quickly, no timing asserted.</summary>
    public static Dictionary<string, string?> Settings(FakeWeChat.FakeWeChatServer? wechat = null, WebhookReceiver? receiver = null, string? mediaFolder = null, FakeWeibo.FakeWeiboServer? weibo = null) => new()
    {
        ["Site:PublicUrl"] = PublicUrl,
        // Nodes share one data folder, so one index folder: these tests search nothing, and a follower per node would only contend for it.
        ["Search:FollowChanges"] = "false",
        ["Channels:Outbox:PollIntervalSeconds"] = "0.2",
        ["Channels:Outbox:BaseDelaySeconds"] = "0.2",
        ["Channels:Outbox:MaxDelaySeconds"] = "1",
        ["Channels:Outbox:MaxAttempts"] = "4",
        ["Channels:Outbox:LeaseSeconds"] = "30",
        ["Channels:WeChat:BaseUrl"] = wechat?.BaseUrl,
        ["Channels:WeChat:AppId"] = wechat?.AppId,
        ["Channels:WeChat:AppSecret"] = wechat?.Secret,
        ["Channels:WeChat:TimeoutSeconds"] = "5",
        ["Channels:WeChat:PublishPollSeconds"] = "0.1",
        ["Channels:Webhooks:Endpoints:0:Name"] = receiver is null ? null : "app",
        ["Channels:Webhooks:Endpoints:0:Url"] = receiver?.Url,
        ["Channels:Webhooks:Endpoints:0:Secret"] = receiver is null ? null : WebhookReceiver.Secret,
        ["Channels:Weibo:BaseUrl"] = weibo?.BaseUrl,
        ["Channels:Weibo:AppKey"] = weibo?.AppKey,
        ["Channels:Weibo:AppSecret"] = weibo?.AppSecret,
        ["Channels:Weibo:TimeoutSeconds"] = "5",
        ["Channels:Weibo:LookupPollSeconds"] = "0.2",
        ["Channels:Weibo:LostAnswerSettleSeconds"] = "10",
        ["Media:Folder"] = mediaFolder,
        // Nodes share the data protection keys as an office's nodes share the keys folder: a token one links, all read.
        ["DataProtection:KeysFolder"] = mediaFolder is null ? null : mediaFolder + "-keys",
    };

    public static async Task<ChannelsHost> StartAsync(TestDatabase database, IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null));
        builder.Services.AddDisclosureStorage(database.Options).AddDisclosureModules(InstalledModules.All);
        builder.Services.AddSingleton<Contents.Review.IAttachmentTextSource>(database.Attachments);
        var mediaFolder = builder.Configuration["Media:Folder"] ?? Path.Combine(Path.GetTempPath(), "disclosure-channel-media", Guid.NewGuid().ToString("n"));
        builder.Services.AddSingleton(sp => new MediaStore(mediaFolder, new MediaOptions(), TimeProvider.System));
        builder.Services.AddDataProtection().SetApplicationName("Disclosure")
            .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysFolder"] ?? mediaFolder + "-keys"));
        var host = builder.Build();
        await host.StartAsync();
        return new ChannelsHost(host);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Creates an item of the setup recipe's Disclosure type and publishes it, as the 公开办 would.</summary>
    public async Task<string> PublishNewAsync(ContentData data, string? id = null)
    {
        id ??= "item-" + Guid.NewGuid().ToString("n")[..12];
        await InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", data, "editor", contentItemId: id));
        await InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync(id, null, "office"));
        return id;
    }

    public Task<ContentVersionRecord> UpdateAsync(string id, ContentData data) =>
        InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ContentManager>().SaveDraftAsync(id, data, "editor");
            return await sp.GetRequiredService<ContentManager>().PublishAsync(id, null, "office");
        });

    public Task<ContentVersionRecord> WithdrawAsync(string id, string reason) =>
        InScopeAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync(id, reason, "office"));

    public Task<List<OutboxMessage>> MessagesAsync(string? itemId = null) =>
        InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => itemId == null || m.ContentItemId == itemId).OrderBy(m => m.Id).ToListAsync());

    /// <summary>Waits until no message is pending any more, and returns them all.</summary>
    public Task<List<OutboxMessage>> SettledAsync(string? itemId = null, int expected = 1) =>
        Eventually.WaitAsync(() => MessagesAsync(itemId), m => m.Count >= expected && m.All(x => x.State != OutboxState.Pending), "the outbox to settle");

    public Task<int> RunDispatcherOnceAsync() =>
        Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single().RunOnceAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>Content for the tests: the storage tests' sample notice, varied.</summary>
public static class Items
{
    /// <summary>A notice that goes to every channel of its type (公开方式 left empty).</summary>
    public static ContentData Everywhere(string title = "关于开展冬季火灾防控工作的通告", string body = "为切实做好冬季火灾防控工作……", string? summary = "冬季火灾防控工作安排。")
    {
        var data = SampleContent.Notice(title: title, body: body);
        var metadata = (JsonObject)data.Root["DisclosureMetadataPart"]!;
        metadata.Remove("Channels");
        metadata["Summary"] = summary;
        return data;
    }

    public static ContentData WithChannels(ContentData data, params string[] methods)
    {
        data = data.Clone();
        ((JsonObject)data.Root["DisclosureMetadataPart"]!)["Channels"] = new JsonArray(methods.Select(m => (JsonNode)m).ToArray());
        return data;
    }
}
