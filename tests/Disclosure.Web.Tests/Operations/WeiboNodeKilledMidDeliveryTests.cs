using Disclosure.Channels.Outbox;
using Disclosure.Channels.Weibo;
using Disclosure.FakeWeibo;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Tests.Operations;

/// <summary>
/// 政务微博 exactly once through a dead node: a node run as its own process sends <c>statuses/share</c>, the platform
/// posts and holds the answer back, and the node is killed (the process, not a disposal) before it hears it. The
/// surviving node retakes the message when the dead node's lease runs out, finds the post in the account's timeline
/// and records it: one post, with its address on the item.
/// </summary>
public sealed class WeiboNodeKilledMidDeliveryTests : IAsyncLifetime
{
    private readonly string _keysFolder = DisclosureSite.NewDataFolder();
    private readonly string _killedNodeFolder = DisclosureSite.NewDataFolder();
    private TestDatabase _database = null!;
    private FakeWeiboServer _weibo = null!;
    private DisclosureSite _survivor = null!;

    private Dictionary<string, string> Shared() => new()
    {
        ["Storage:Provider"] = "PostgreSQL",
        ["Storage:ConnectionString"] = _database.Options.ConnectionString!,
        ["Ledger:KeysFolder"] = _keysFolder,
        // Every node reads the token another sealed: the data protection keys are shared like the 台账 keys.
        ["DataProtection:KeysFolder"] = Path.Combine(_keysFolder, "data-protection"),
        ["Site:PublicUrl"] = "https://www.yongning.gov.cn",
        ["Channels:Weibo:BaseUrl"] = _weibo.BaseUrl,
        ["Channels:Weibo:AppKey"] = _weibo.AppKey,
        ["Channels:Weibo:AppSecret"] = _weibo.AppSecret,
        ["Channels:Outbox:PollIntervalSeconds"] = "0.2",
        ["Channels:Outbox:LeaseSeconds"] = "3",
    };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL, migrate: false);
        _weibo = await FakeWeiboServer.StartAsync();
        _weibo.SafeDomain = "www.yongning.gov.cn";
        var survivor = Shared();
        // The survivor delivers only when the test says so, once the other node is dead.
        survivor["Channels:Outbox:DispatcherEnabled"] = "false";
        _survivor = new DisclosureSite(null, survivor);
        _ = _survivor.Server; // sets the database up
        await InScopeAsync(async sp =>
        {
            var account = sp.GetRequiredService<IOptions<WeiboOptions>>().Value.Find(string.Empty)!;
            await sp.GetRequiredService<WeiboLinkStore>().SaveAsync(account,
                new WeiboLink(_weibo.IssueToken(), FakeWeiboServer.DefaultUid, DateTime.UtcNow.AddDays(30), "office", DateTime.UtcNow, "192.0.2.30"), CancellationToken.None);
            return true;
        });
    }

    [Fact]
    public async Task A_node_killed_after_the_platform_posted_leaves_one_post_which_the_survivor_finds_and_records()
    {
        var settings = Shared();
        settings["Storage:DataFolder"] = _killedNodeFolder;
        settings["Setup:RecipesFolder"] = RepositoryPaths.Recipes;
        settings["Setup:AdminPassword"] = "Test-Admin-2026!";
        settings["RateLimiting:PermitsPerMinute"] = "0";
        await using var node = await NodeProcess.StartAsync(settings);

        // The platform will post and then keep the answer for minutes: the node is inside its delivery, waiting.
        _weibo.FailNext("/2/statuses/share.json", new FakeWeiboFailure.AnswerLost(TimeSpan.FromMinutes(5)));
        var id = await InScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<ContentManager>();
            var data = SampleContent.Notice("关于开展冬季火灾防控工作的通告");
            ((System.Text.Json.Nodes.JsonObject)data.Root["DisclosureMetadataPart"]!)["Channels"] = new System.Text.Json.Nodes.JsonArray("政府网站", "政务微博");
            var item = await manager.CreateAsync("Disclosure", data, "editor", "zhzx", "weibo-killed-node");
            await manager.PublishAsync(item.Item.ContentItemId, null, "office");
            return item.Item.ContentItemId;
        });

        await Eventually.HoldsAsync(() => _weibo.Posts.Count == 1, TimeSpan.FromMinutes(2));
        await node.KillAsync();
        Assert.True(node.HasExited);
        var claimed = await WeiboMessageAsync(id);
        Assert.Equal(OutboxState.Pending, claimed.State);
        Assert.NotNull(claimed.LockToken); // the dead node's claim, left to run out

        // The survivor's dispatcher, once the lease has lapsed.
        var dispatcher = _survivor.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();
        await Eventually.HoldsAsync(async () =>
        {
            await dispatcher.RunOnceAsync(CancellationToken.None);
            return (await WeiboMessageAsync(id)).State == OutboxState.Sent;
        }, TimeSpan.FromMinutes(2), () => node.Output, TimeSpan.FromMilliseconds(300));

        var message = await WeiboMessageAsync(id);
        var post = Assert.Single(_weibo.Posts);
        Assert.False(post.Deleted);
        Assert.Equal(post.IdStr, message.RemoteId);
        Assert.Equal(post.Url, message.RemoteUrl);
        Assert.Equal(2, message.Attempts); // the dead node's, then the survivor's that found the post
        Assert.Single(_weibo.Calls, c => c.Path == "/2/statuses/share.json");
        Assert.Contains(_weibo.Calls, c => c.Path == "/2/statuses/user_timeline.json" && c.StatusCode == 200);
    }

    public async Task DisposeAsync()
    {
        await _survivor.DisposeAsync();
        await _weibo.DisposeAsync();
        await _database.DisposeAsync();
        foreach (var folder in new[] { _keysFolder, _killedNodeFolder })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private Task<OutboxMessage> WeiboMessageAsync(string id) =>
        InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.ContentItemId == id && m.Channel == "weibo"));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = _survivor.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }
}
