using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Media;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Supervision.Board;
using Disclosure.Supervision.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Storage.Tests.Supervision;

/// <summary>
/// 死链检查 against a loopback site with working and broken links: exactly the broken ones listed with their reasons,
/// no request to a host the configuration does not allow (not even through a redirect), one request at a time per
/// host, an item's missing attachment found, a fixed item cleared on the next run, and runs that resume.
/// </summary>
public sealed class LinkCheckerTests
{
    private const string Department = "zhzx";

    private static async Task<(TestDatabase Database, TestClock Clock)> DatabaseAsync(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-11-23");
        var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        return (database, clock);
    }

    private static LinkCheckOptions Options(params string[] allowedHosts) => new()
    {
        AllowedHosts = allowedHosts,
        TimeoutSeconds = 2,
        PerHostDelayMilliseconds = 200,
        PerHostConcurrency = 1,
        Concurrency = 4,
        IntervalHours = 24,
        LeaseSeconds = 60,
    };

    /// <summary>A checker with these options; the probe is shared across runs, as the app's singleton is.</summary>
    private static Task<LinkCheckPass> RunAsync(TestDatabase database, LinkCheckOptions options, ExternalLinkProbe probe, string node = "node-a") =>
        database.InScopeAsync(sp => ActivatorUtilities.CreateInstance<LinkChecker>(sp, Microsoft.Extensions.Options.Options.Create(options), probe)
            .RunOnceAsync(node, CancellationToken.None));

    private static ExternalLinkProbe Probe(TestDatabase database, LinkCheckOptions options) =>
        new(database.Services.GetRequiredService<IHttpClientFactory>(), Microsoft.Extensions.Options.Options.Create(options));

    private static ContentData Item(string title, string body, params JsonObject[] attachments)
    {
        var data = SampleContent.Notice(title: title, body: body);
        data.Root["Disclosure"] = new JsonObject { ["Attachments"] = new JsonArray([.. attachments]) };
        return data;
    }

    private static async Task<string> PublishAsync(TestDatabase database, ContentData data, string department = Department)
    {
        var version = await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", data, "editor", department));
        var id = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems.Where(i => i.Id == version.ItemId).Select(i => i.ContentItemId).SingleAsync());
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync(id, null, "office", SampleContent.PublishedAt));
        return id;
    }

    private static Task<List<BrokenLink>> BrokenAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<BrokenLink>().AsNoTracking().OrderBy(l => l.Url).ToListAsync());

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_checker_lists_exactly_the_broken_links_with_their_reasons_and_never_calls_a_host_not_allowed(DatabaseProvider engine)
    {
        var (database, clock) = await DatabaseAsync(engine);
        await using var _ = database;
        await using var site = await LoopbackLinkSite.StartAsync();
        await using var trap = await LoopbackLinkSite.StartAsync();
        var away = $"http://localhost:{trap.Port}";
        site.AwayTarget = away + "/trap-by-redirect";
        var closed = $"http://127.0.0.1:{LoopbackLinkSite.ClosedPort()}/x";

        var stored = await database.Services.GetRequiredService<MediaStore>().SaveAsync(new MemoryStream("工作方案全文"u8.ToArray()), "工作方案.txt");
        var target = await PublishAsync(database, SampleContent.Notice(title: "被链接的通告"));
        var body = $"""
            相关链接：[正常一]({site.Root}/ok?n=1)、[正常二]({site.Root}/ok?n=2)、[正常三]({site.Root}/ok?n=3)、[正常四]({site.Root}/ok?n=4)，
            [站内跳转]({site.Root}/redirect-ok)，[跳到别处]({site.Root}/redirect-away)，[未允许的网站]({away}/direct)，
            [已删除]({site.Root}/missing)，[出错]({site.Root}/error)，[很慢]({site.Root}/slow)，[连不上]({closed})，
            [本站通告](/content/{target})，[不存在的信息](/content/no-such-item)，[目录](/catalogue/03.02)，[错的目录](/catalogue/99.99)，
            [邮件](mailto:gk@example.gov.cn)，[本页位置](#top)。
            """;
        var id = await PublishAsync(database, Item("关于公布监督电话的通告", body,
            new JsonObject { ["path"] = stored.Path, ["name"] = "工作方案.txt" },
            new JsonObject { ["path"] = "2026/11/lost-file.pdf", ["name"] = "丢失的附件.pdf" }));

        var options = Options("127.0.0.1");
        using var probe = Probe(database, options);
        Assert.Equal(LinkCheckPass.Finished, await RunAsync(database, options, probe));

        var broken = await BrokenAsync(database);
        Assert.Equal(
            new (string Url, LinkKind Kind, string Reason, int? StatusCode, string? LinkText)[]
            {
                ($"/content/{id}/attachments/2026/11/lost-file.pdf", LinkKind.Attachment, "附件不存在", (int?)404, "丢失的附件.pdf"),
                ("/catalogue/99.99", LinkKind.Internal, "目录分类不存在", 404, "错的目录"),
                ("/content/no-such-item", LinkKind.Internal, "404 信息不存在", 404, "不存在的信息"),
                (closed, LinkKind.External, "无法连接", null, "连不上"),
                ($"{site.Root}/error", LinkKind.External, "500 服务器错误", 500, "出错"),
                ($"{site.Root}/missing", LinkKind.External, "404 页面不存在", 404, "已删除"),
                ($"{site.Root}/slow", LinkKind.External, "超时", null, "很慢"),
            }.OrderBy(x => x.Url, StringComparer.Ordinal),
            broken.Select(l => (l.Url, l.Kind, l.Reason, l.StatusCode, l.LinkText)).OrderBy(x => x.Url, StringComparer.Ordinal));
        Assert.All(broken, l => Assert.Equal((id, "640121-103", Department, clock.GetUtcNow().UtcDateTime), (l.ContentItemId, l.AgencyCode, l.DepartmentCode, l.FirstSeenUtc)));

        // The host not allowed was never asked — neither by its own link nor at the end of a redirect.
        Assert.Empty(trap.Requests);
        Assert.Contains(site.Requests, r => r.Path == "/ok?via=redirect");
        Assert.Contains(site.Requests, r => r.Path == "/redirect-away");

        // One request at a time to the host, and spaced: the checker starts them at least 200 ms apart; here they are
        // seen on arrival, which a new connection's set-up can delay by some tens of ms, hence the slack. Without the
        // gate (four at a time) they would arrive within a few ms of each other.
        Assert.Equal(1, site.MaxInFlight);
        var starts = site.Requests.Select(r => r.At).Order().ToList();
        Assert.True(starts.Count >= 10, $"{starts.Count} requests");
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(100), $"requests {(pair.Second - pair.First).TotalMilliseconds} ms apart"));

        var counts = await database.InScopeAsync(sp => sp.GetRequiredService<BrokenLinkQuery>().CountsByDepartmentAsync("640121-103"));
        Assert.Equal(new Dictionary<DepartmentKey, int> { [new DepartmentKey("640121-103", Department)] = 7 }, counts);
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<BrokenLinkQuery>().CountsByDepartmentAsync("150627-103")));
        var run = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<LinkCheckRun>().SingleAsync());
        Assert.Equal((null, 2, 2), (run.Open, run.ItemsChecked, run.LinksSkipped)); // 2 skipped: the host not allowed, and the redirect to it
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task With_no_allowed_hosts_nothing_outside_is_requested_and_with_more_per_host_room_requests_overlap(DatabaseProvider engine)
    {
        var (database, _) = await DatabaseAsync(engine);
        await using var _database = database;
        await using var site = await LoopbackLinkSite.StartAsync();
        site.Latency = TimeSpan.FromMilliseconds(300);
        await PublishAsync(database, Item("外部链接", string.Join("，", Enumerable.Range(1, 6).Select(n => $"[链接{n}]({site.Root}/ok?n={n})")) + $"，[坏链接]({site.Root}/missing)"));

        var none = Options();
        using (var probe = Probe(database, none))
        {
            Assert.Equal(LinkCheckPass.Finished, await RunAsync(database, none, probe));
        }

        Assert.Empty(site.Requests);
        Assert.Empty(await BrokenAsync(database));

        // The limit is the option, not an accident of the code: allowed three at a time, the checker uses them.
        var roomy = Options("127.0.0.1");
        roomy.PerHostConcurrency = 3;
        roomy.PerHostDelayMilliseconds = 0;
        await database.InScopeAsync(sp => sp.GetRequiredService<LinkCheckRuns>().RequestAsync("office", CancellationToken.None));
        using (var probe = Probe(database, roomy))
        {
            Assert.Equal(LinkCheckPass.Finished, await RunAsync(database, roomy, probe));
        }

        Assert.Equal(3, site.MaxInFlight);
        Assert.Equal("404 页面不存在", Assert.Single(await BrokenAsync(database)).Reason);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Fixing_the_item_clears_its_entry_on_the_next_run_and_withdrawing_it_hides_it_at_once(DatabaseProvider engine)
    {
        var (database, clock) = await DatabaseAsync(engine);
        await using var _ = database;
        var id = await PublishAsync(database, Item("含错误链接的通告", "详见[不存在的信息](/content/no-such-item)。", new JsonObject { ["path"] = "2026/11/lost.pdf", ["name"] = "丢失.pdf" }));
        var other = await PublishAsync(database, Item("另一条", "见[错的目录](/catalogue/99.99)。"));
        var options = Options();
        using var probe = Probe(database, options);
        await RunAsync(database, options, probe);
        Assert.Equal(3, (await BrokenAsync(database)).Count);

        // The office fixes the link and drops the lost file, and publishes the new version.
        await database.InScopeAsync(async sp =>
        {
            var content = sp.GetRequiredService<ContentManager>();
            await content.SaveDraftAsync(id, Item("含错误链接的通告", "详见[目录](/catalogue/03.02)。"), "editor");
            await content.PublishAsync(id, null, "office", SampleContent.PublishedAt);
        });

        // Until the next run the entries stay; the next (scheduled, a day later) run clears them.
        Assert.Equal(3, (await BrokenAsync(database)).Count);
        Assert.Equal(LinkCheckPass.Idle, await RunAsync(database, options, probe)); // not due yet
        clock.Now = clock.Now.AddHours(25);
        Assert.Equal(LinkCheckPass.Finished, await RunAsync(database, options, probe));
        var left = Assert.Single(await BrokenAsync(database));
        Assert.Equal((other, "/catalogue/99.99"), (left.ContentItemId, left.Url));
        Assert.Equal(clock.Now.AddHours(-25).UtcDateTime, left.FirstSeenUtc); // still broken since the first run
        Assert.Equal(clock.Now.UtcDateTime, left.LastCheckedUtc);

        // A withdrawn item's links are not the office's 死链 any more: off the list and the counts at once.
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().WithdrawAsync(other, "内容已过时", "office"));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<BrokenLinkQuery>().CountsByDepartmentAsync(null)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_run_is_worked_by_one_node_resumed_after_a_dead_node_and_continued_after_the_link_limit(DatabaseProvider engine)
    {
        var (database, clock) = await DatabaseAsync(engine);
        await using var _ = database;
        var ids = new List<string>();
        for (var n = 1; n <= 4; n++)
        {
            ids.Add(await PublishAsync(database, Item($"第{n}条", $"[坏链接{n}](/content/missing-{n})。")));
        }

        var options = Options();
        options.MaxLinksPerRun = 2; // one broken link per item: a run stops after two items
        using var probe = Probe(database, options);
        Assert.Equal(LinkCheckPass.StoppedAtLimit, await RunAsync(database, options, probe));
        Assert.Equal(ids[..2].Order(StringComparer.Ordinal), (await BrokenAsync(database)).Select(l => l.ContentItemId).Order(StringComparer.Ordinal));

        // The next scheduled run carries on after the cursor, in the same pass.
        clock.Now = clock.Now.AddHours(25);
        Assert.Equal(LinkCheckPass.StoppedAtLimit, await RunAsync(database, options, probe));
        Assert.Equal(ids.Order(StringComparer.Ordinal), (await BrokenAsync(database)).Select(l => l.ContentItemId).Order(StringComparer.Ordinal));

        // Another node holds the open run (立即检查 queued it): this node stands aside while the lease holds …
        await database.InScopeAsync(sp => sp.GetRequiredService<LinkCheckRuns>().RequestAsync("office", CancellationToken.None));
        var claimed = await database.InScopeAsync(sp => sp.GetRequiredService<LinkCheckRuns>().ClaimAsync("node-b", TimeSpan.FromMinutes(5), CancellationToken.None));
        Assert.NotNull(claimed);
        var firstItem = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems.Where(i => i.ContentItemId == ids[0]).Select(i => i.Id).SingleAsync());
        // node-b checked the first item (its results and the cursor saved together), then died.
        var nodeBSaved = clock.GetUtcNow().UtcDateTime;
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            await db.Set<LinkCheckRun>().Where(r => r.Id == claimed.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Cursor, firstItem).SetProperty(r => r.ItemsChecked, 1));
            await db.Set<BrokenLink>().Where(l => l.ContentItemId == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(l => l.LastCheckedUtc, nodeBSaved));
        });
        options.MaxLinksPerRun = 100;
        Assert.Equal(LinkCheckPass.Idle, await RunAsync(database, options, probe, node: "node-a"));

        // … and once node-b is gone (its lease ran out) node-a resumes after node-b's last saved item.
        clock.Now = clock.Now.AddMinutes(6);
        Assert.Equal(LinkCheckPass.Finished, await RunAsync(database, options, probe, node: "node-a"));
        var run = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<LinkCheckRun>().SingleAsync(r => r.Id == claimed.Id));
        Assert.Equal(("node-a", 4, "office", (string?)null), (run.Node, run.ItemsChecked, run.RequestedBy, run.Open));
        var firstRow = (await BrokenAsync(database)).Single(l => l.ContentItemId == ids[0]);
        Assert.Equal(nodeBSaved, firstRow.LastCheckedUtc); // the item before the cursor was not checked again
        Assert.All((await BrokenAsync(database)).Where(l => l.ContentItemId != ids[0]), l => Assert.Equal(clock.Now.UtcDateTime, l.LastCheckedUtc));

        // Only one run is ever open: a second 立即检查 while one is queued is refused.
        Assert.True(await database.InScopeAsync(sp => sp.GetRequiredService<LinkCheckRuns>().RequestAsync("office", CancellationToken.None)));
        Assert.False(await database.InScopeAsync(sp => sp.GetRequiredService<LinkCheckRuns>().RequestAsync("sysadmin", CancellationToken.None)));
    }

    [Fact]
    public void A_host_entry_allows_its_name_on_any_port_or_one_port_when_it_names_one()
    {
        Assert.True(ExternalLinkProbe.Allowed(["www.gov.cn"], new Uri("https://www.gov.cn/zhengce/")));
        Assert.True(ExternalLinkProbe.Allowed(["WWW.GOV.CN"], new Uri("http://www.gov.cn:8080/")));
        Assert.True(ExternalLinkProbe.Allowed(["127.0.0.1:8080"], new Uri("http://127.0.0.1:8080/a")));
        Assert.False(ExternalLinkProbe.Allowed(["127.0.0.1:8080"], new Uri("http://127.0.0.1:8081/a")));
        Assert.False(ExternalLinkProbe.Allowed(["gov.cn"], new Uri("https://www.gov.cn/")));
        Assert.False(ExternalLinkProbe.Allowed(["www.gov.cn"], new Uri("https://www.gov.cn.evil.example/")));
        Assert.False(ExternalLinkProbe.Allowed([], new Uri("http://127.0.0.1/")));
        Assert.False(ExternalLinkProbe.Allowed(["www.gov.cn"], new Uri("ftp://www.gov.cn/")));
    }
}
