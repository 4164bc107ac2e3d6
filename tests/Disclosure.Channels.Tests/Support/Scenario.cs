using Disclosure.FakeWeChat;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;

namespace Disclosure.Channels.Tests.Support;

/// <summary>A set-up database, the fake WeChat platform, an app's webhook receiver, and the nodes started on them.</summary>
public sealed class Scenario : IAsyncDisposable
{
    private readonly List<ChannelsHost> _hosts = [];

    private Scenario(TestDatabase database, FakeWeChatServer wechat, WebhookReceiver receiver, string mediaFolder)
    {
        Database = database;
        WeChat = wechat;
        Receiver = receiver;
        MediaFolder = mediaFolder;
    }

    public TestDatabase Database { get; }

    public FakeWeChatServer WeChat { get; }

    public WebhookReceiver Receiver { get; }

    /// <summary>Shared by every node, as a network share or one server's disk would be.</summary>
    public string MediaFolder { get; }

    public static async Task<Scenario> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await database.ApplySetupAndDemoOfficeAsync();
        var folder = Path.Combine(Path.GetTempPath(), "disclosure-channel-media", Guid.NewGuid().ToString("n"));
        return new Scenario(database, await FakeWeChatServer.StartAsync(), await WebhookReceiver.StartAsync(), folder);
    }

    /// <summary>Starts a node; <paramref name="change"/> adjusts its settings (e.g. switch its dispatcher off).</summary>
    public async Task<ChannelsHost> StartNodeAsync(Action<Dictionary<string, string?>>? change = null, bool withWeChat = true, bool withWebhook = true)
    {
        var settings = ChannelsHost.Settings(withWeChat ? WeChat : null, withWebhook ? Receiver : null, MediaFolder);
        change?.Invoke(settings);
        var host = await ChannelsHost.StartAsync(Database, settings);
        _hosts.Add(host);
        return host;
    }

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
        await Receiver.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(MediaFolder))
        {
            Directory.Delete(MediaFolder, recursive: true);
        }
    }
}
