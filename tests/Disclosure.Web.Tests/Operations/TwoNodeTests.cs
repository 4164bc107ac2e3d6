using System.Net;
using System.Text.Json;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Operations;

/// <summary>
/// Two web nodes, each with its own data folder (and so its own search index and page cache), over one real
/// PostgreSQL database: what one publishes or withdraws the other shows within two seconds, and a node killed
/// in the middle of publishing loses and duplicates nothing.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(2);

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
        var id = await PublishAsync(_a, "关于两节点同步测试的公告", "两个节点共用一个数据库时发布应当同步可见。");
        var b = _b.CreateClient();
        await EventuallyAsync(async () => (await b.GetAsync($"/api/v1/content/{id}")).StatusCode == HttpStatusCode.OK);
        await EventuallyAsync(async () => (await SearchAsync(b, "两节点同步测试")).Contains(id));
        await EventuallyAsync(async () => (await b.GetStringAsync($"/content/{id}")).Contains("两个节点共用一个数据库", StringComparison.Ordinal));

        using (var scope = _b.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().WithdrawAsync(id, "测试撤回", "office");
        }

        var a = _a.CreateClient();
        await EventuallyAsync(async () => (await a.GetAsync($"/api/v1/content/{id}")).StatusCode == HttpStatusCode.Gone);
        await EventuallyAsync(async () => !(await SearchAsync(a, "两节点同步测试")).Contains(id));
        await EventuallyAsync(async () => (await a.GetAsync($"/content/{id}")).StatusCode == HttpStatusCode.Gone);
    }

    [Fact]
    public async Task A_node_killed_while_publishing_loses_and_duplicates_nothing()
    {
        // Twenty drafts, then node A starts publishing them all at once and is killed part-way.
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            using var scope = _a.Services.CreateScope();
            var version = await scope.ServiceProvider.GetRequiredService<ContentManager>()
                .CreateAsync("Disclosure", SampleContent.Notice($"批量发布测试第{i:00}号公告"), "editor");
            ids.Add((await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().ContentItems.SingleAsync(x => x.Id == version.ItemId)).ContentItemId);
        }

        var publishing = ids.Select(id => Task.Run(async () =>
        {
            try
            {
                using var scope = _a.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(id, null, "office", SampleContent.PublishedAt);
            }
            catch (Exception)
            {
                // Killed mid-flight: this publication may or may not have committed.
            }
        })).ToList();
        await Task.Delay(150);
        await _a.DisposeAsync();
        await Task.WhenAll(publishing);

        // Node B finishes the job: whatever A did not commit is published now, nothing twice.
        foreach (var id in ids)
        {
            using var scope = _b.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            if (!await db.ContentVersions.AnyAsync(v => v.Item.ContentItemId == id && v.Status == ContentStatus.Published))
            {
                await scope.ServiceProvider.GetRequiredService<ContentManager>().PublishAsync(id, null, "office", SampleContent.PublishedAt);
            }
        }

        using (var scope = _b.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            foreach (var id in ids)
            {
                Assert.Equal(1, await db.ContentVersions.CountAsync(v => v.Item.ContentItemId == id && v.Status == ContentStatus.Published));
                Assert.Equal(1, await db.ChangeLog.CountAsync(e => e.ContentItemId == id && e.Kind == ChangeKind.Published));
            }

            var indexNumbers = await db.ContentItems.Where(i => ids.Contains(i.ContentItemId)).Select(i => i.IndexNumber).ToListAsync();
            Assert.All(indexNumbers, Assert.NotNull);
            Assert.Equal(ids.Count, indexNumbers.Distinct().Count());
            var sequences = await db.ChangeLog.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
            Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        }

        // B's search holds each of them exactly once.
        var b = _b.CreateClient();
        await EventuallyAsync(async () => (await SearchAsync(b, "批量发布测试")).Count == ids.Count);
        Assert.Equal(ids.Order(), (await SearchAsync(b, "批量发布测试")).Order());
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _database.DisposeAsync();
    }

    private DisclosureSite Node() => new(null, new Dictionary<string, string>
    {
        ["Storage:Provider"] = "PostgreSQL",
        ["Storage:ConnectionString"] = _database.Options.ConnectionString!,
        ["Search:PollIntervalMilliseconds"] = "200",
        ["Site:Cache:PollMilliseconds"] = "200",
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
    private static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var limit = within ?? Within;
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await condition())
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"条件在 {limit.TotalSeconds} 秒内未满足。");
            await Task.Delay(50);
        }
    }
}
