using Disclosure.FakeWeChat;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Channels.Tests.Support;

/// <summary>A set-up database, the fake WeChat platform, an app's webhook receiver, and the nodes started on them.</summary>
public sealed class Scenario : IAsyncDisposable
{
    private readonly List<ChannelsHost> _hosts = [];

    private Scenario(TestDatabase database, FakeWeChatServer wechat, WebhookReceiver receiver, string mediaFolder, FakeWeibo.FakeWeiboServer weibo)
    {
        Weibo = weibo;
        Database = database;
        WeChat = wechat;
        Receiver = receiver;
        MediaFolder = mediaFolder;
    }

    public TestDatabase Database { get; }

    public FakeWeChatServer WeChat { get; }

    public WebhookReceiver Receiver { get; }

    /// <summary>The fake Weibo platform; its app is configured on every node, an account is linked by <see cref="LinkWeiboAsync"/>.</summary>
    public FakeWeibo.FakeWeiboServer Weibo { get; }

    /// <summary>Shared by every node, as a network share or one server's disk would be.</summary>
    public string MediaFolder { get; }

    public static async Task<Scenario> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.ApplySetupAndDemoOfficeAsync();
        var folder = Path.Combine(Path.GetTempPath(), "disclosure-channel-media", Guid.NewGuid().ToString("n"));
        var weibo = await FakeWeibo.FakeWeiboServer.StartAsync();
        weibo.SafeDomain = new Uri(ChannelsHost.PublicUrl).Host;
        return new Scenario(database, await FakeWeChatServer.StartAsync(), await WebhookReceiver.StartAsync(), folder, weibo);
    }

    /// <summary>Starts a node; <paramref name="change"/> adjusts its settings (e.g. switch its dispatcher off).</summary>
    public async Task<ChannelsHost> StartNodeAsync(Action<Dictionary<string, string?>>? change = null, bool withWeChat = true, bool withWebhook = true, bool withWeibo = true)
    {
        var settings = ChannelsHost.Settings(withWeChat ? WeChat : null, withWebhook ? Receiver : null, MediaFolder, withWeibo ? Weibo : null);
        change?.Invoke(settings);
        var host = await ChannelsHost.StartAsync(Database, settings);
        _hosts.Add(host);
        return host;
    }

    /// <summary>
    /// Links the own agency's Weibo account as the admin's 授权 would (the browser flow itself is the web tests'):
    /// a token the fake issued, sealed in <c>ChannelTokens</c> by <paramref name="node"/>.
    /// </summary>
    public Task LinkWeiboAsync(ChannelsHost node, string target = "") =>
        node.InScopeAsync(async sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Disclosure.Channels.Weibo.WeiboOptions>>().Value;
            var link = new Disclosure.Channels.Weibo.WeiboLink(Weibo.IssueToken(), FakeWeibo.FakeWeiboServer.DefaultUid, DateTime.UtcNow.AddDays(30), "office", DateTime.UtcNow, "192.0.2.10");
            await sp.GetRequiredService<Disclosure.Channels.Weibo.WeiboLinkStore>().SaveAsync(options.Find(target)!, link, CancellationToken.None);
            return true;
        });

    /// <summary>Stops a node before its dispatcher ran, as a crash right after the commit would.</summary>
    public async Task StopNodeAsync(ChannelsHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await WeChat.DisposeAsync();
        await Weibo.DisposeAsync();
        await Receiver.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(MediaFolder))
        {
            Directory.Delete(MediaFolder, recursive: true);
        }

        if (Directory.Exists(MediaFolder + "-keys"))
        {
            Directory.Delete(MediaFolder + "-keys", recursive: true);
        }
    }
}
