using System.Net;
using System.Text.Json;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Operations;

/// <summary>
/// Two web nodes, each with its own data folder (and so its own search index and page cache), over one real
/// PostgreSQL database: what one publishes or withdraws the other shows within two seconds. Their polls are set to
/// a minute, so only the change notifications (NOTIFY at commit, LISTEN on each node) can make it in time; the
/// polls alone are proven by the nodes sharing a SQLite file (<see cref="PublicRevisionTwoNodeSqliteTests"/>). A node
/// killed in the middle of publishing is <see cref="NodeKilledMidPublicationTests"/>: a real process, killed.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);

    /// <summary>The 台账 keys both nodes use, as an office's nodes share the keys folder (README, 台账).</summary>
    private readonly string _keysFolder = DisclosureSite.NewDataFolder();
    private TestDatabase _database = null!;
    private DisclosureSite _a = null!;
    private DisclosureSite _b = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL, migrate: false);
        _a = Node();
        _ = _a.Server; // node A sets the database up
        _b = Node();
        _ = _b.Server; // node B finds it set up

        // Each node first indexes the demo content into its own index; the two-second clock starts after that.
        foreach (var node in new[] { _a, _b })
        {
            var client = node.CreateClient();
            await EventuallyAsync(async () => (await SearchAsync(client, "永公(办)发【2017】28号")).Contains("yongning-2017-implementation-plan"), TimeSpan.FromMinutes(2));
        }
    }

    [Fact]
    public async Task What_one_node_publishes_or_withdraws_the_other_shows_within_two_seconds()
    {
        // B's home page is in its page cache before the publication: only a wake-up can make B render it again.
        var b = _b.CreateClient();
        Assert.DoesNotContain("两节点同步测试", await b.GetStringAsync("/"), StringComparison.Ordinal);
        var id = await PublishAsync(_a, "关于两节点同步测试的公告", "两个节点共用一个数据库时发布应当同步可见。");
        await EventuallyAsync(async () => (await b.GetStringAsync("/")).Contains($"/content/{id}\"", StringComparison.Ordinal));
        await EventuallyAsync(async () => (await b.GetAsync($"/api/v1/content/{id}")).StatusCode == HttpStatusCode.OK);
        await EventuallyAsync(async () => (await SearchAsync(b, "两节点同步测试")).Contains(id));
        await EventuallyAsync(async () => (await b.GetStringAsync($"/content/{id}")).Contains("两个节点共用一个数据库", StringComparison.Ordinal));

        // A has the item's page and API answer cached before B withdraws it.
        var a = _a.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/api/v1/content/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/content/{id}")).StatusCode);
        using (var scope = _b.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().WithdrawAsync(id, "测试撤回", "office");
        }

        await EventuallyAsync(async () => (await a.GetAsync($"/api/v1/content/{id}")).StatusCode == HttpStatusCode.Gone);
        await EventuallyAsync(async () => !(await SearchAsync(a, "两节点同步测试")).Contains(id));
        await EventuallyAsync(async () => (await a.GetAsync($"/content/{id}")).StatusCode == HttpStatusCode.Gone);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_keysFolder))
        {
            Directory.Delete(_keysFolder, recursive: true);
        }
    }

    private DisclosureSite Node() => new(null, new Dictionary<string, string>
    {
        ["Storage:Provider"] = "PostgreSQL",
        ["Storage:ConnectionString"] = _database.Options.ConnectionString!,
        ["Ledger:KeysFolder"] = _keysFolder,
        ["Search:PollIntervalMilliseconds"] = "60000",
        ["Site:Cache:PollMilliseconds"] = "60000",
    });

    private static async Task<string> PublishAsync(DisclosureSite node, string title, string body)
    {
        using var scope = node.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var version = await manager.CreateAsync("Disclosure", SampleContent.Notice(title, body: body), "editor");
        var id = (await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().ContentItems.SingleAsync(i => i.Id == version.ItemId)).ContentItemId;
        await manager.PublishAsync(id, null, "office", SampleContent.PublishedAt);
        return id;
    }

    private static async Task<List<string>> SearchAsync(HttpClient client, string query)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}&pageSize=100"));
        return document.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>Polls until the condition holds, failing if it does not within <see cref="Within"/>.</summary>
    private static Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null) => Eventually.HoldsAsync(condition, within ?? Within);
}
