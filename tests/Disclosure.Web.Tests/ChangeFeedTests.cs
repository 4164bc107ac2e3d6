using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests;

/// <summary>The change feed as an app syncing from it would use it, on SQLite and on PostgreSQL.</summary>
public sealed class ChangeFeedTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_app_following_the_cursor_sees_every_change_once_and_in_order(Disclosure.Storage.DatabaseProvider engine)
    {
        await using var site = await DisclosureSite.DemoAsync(engine);
        var client = site.CreateClient();

        // Initial sync, in small pages.
        var (changes, cursor) = await SyncAsync(client, "", 25);
        var demoPublications = DemoItem.All.Count(i => i.PublishedAt is not null);
        var demoWithdrawals = DemoItem.All.Count(i => i.Withdrawn);
        Assert.Equal(demoPublications + demoWithdrawals, changes.Count);
        Assert.Equal(Enumerable.Range(1, changes.Count).Select(n => (long)n), changes.Select(c => c.GetProperty("sequence").GetInt64()));

        // Nothing new: the same cursor comes back.
        var (none, same) = await SyncAsync(client, cursor, 25);
        Assert.Empty(none);
        Assert.Equal(cursor, same);

        // Publish, revise and withdraw through the application; the feed shows each step after the cursor.
        using (var scope = site.Services.CreateScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await manager.CreateAsync("Disclosure", SampleContent.Notice("关于元旦期间加强道路交通安全管理的通告"), "editor", contentItemId: "feed-new");
            await manager.PublishAsync("feed-new", null, "office");
            await manager.SaveDraftAsync("feed-new", SampleContent.Notice("关于元旦期间加强道路交通安全管理的通告（更正）"), "editor");
            await manager.PublishAsync("feed-new", null, "office");
        }

        var detail = await client.GetFromJsonAsync<JsonElement>("/api/v1/content/feed-new");
        Assert.Equal("关于元旦期间加强道路交通安全管理的通告（更正）", detail.GetProperty("summary").GetProperty("title").GetString());
        Assert.Equal(2, detail.GetProperty("summary").GetProperty("version").GetInt32());

        using (var scope = site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().WithdrawAsync("feed-new", "通告内容已过期", "office");
        }

        var (latest, _) = await SyncAsync(client, cursor, 25);
        Assert.Equal(
            [("feed-new", "published", 1), ("feed-new", "updated", 2), ("feed-new", "withdrawn", 2)],
            latest.Select(c => (c.GetProperty("id").GetString(), c.GetProperty("kind").GetString(), c.GetProperty("version").GetInt32())));
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync("/api/v1/content/feed-new")).StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/content?pageSize=100");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == "feed-new");
    }

    private static async Task<(List<JsonElement> Changes, string Cursor)> SyncAsync(HttpClient client, string cursor, int limit)
    {
        var all = new List<JsonElement>();
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/changes?since={cursor}&limit={limit}");
            all.AddRange(page.GetProperty("changes").EnumerateArray());
            cursor = page.GetProperty("cursor").GetString()!;
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return (all, cursor);
            }
        }
    }
}
