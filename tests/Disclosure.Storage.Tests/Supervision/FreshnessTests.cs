using Disclosure.Core.ContentManagement;
using Disclosure.Core.Time;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Supervision.Freshness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Supervision;

/// <summary>
/// 栏目更新 on SQLite and PostgreSQL, judged on 2026-10-15 with the default 3 days' warning: the 检查指标's defaults by
/// class name, a parent counting what its classes publish, one agency not seeing another's, and a setting saved all or
/// nothing with its 台账 entry.
/// </summary>
public sealed class FreshnessTests
{
    private const string Own = "640121-103";
    private const string Other = "150627-103";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_class_is_judged_by_its_rule_from_its_last_publication_or_its_classes(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-10-15"));
        await database.ApplySetupAndDemoOfficeAsync();
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            Item(db, "dynamic", Own, "03.04", ContentStatus.Published, "2026-10-01");   // 工作动态, 14 days: stale from 10-16, warned from 10-13
            Item(db, "alert", Own, "03.01", ContentStatus.Published, "2026-09-20");     // 重大警情, 14 days: stale since 10-05
            Item(db, "warning", Own, "03.02", ContentStatus.Published, "2026-10-14");   // 预警防范, 14 days: fresh
            Item(db, "rule", Own, "02.02", ContentStatus.Published, "2026-05-01");      // 规范性文件, 183 days: stale from 11-01
            Item(db, "reading", Own, "02.04", ContentStatus.Published, "2026-04-01");   // 政策解读, 183 days: stale since 10-02
            Item(db, "leaders", Other, "01.02", ContentStatus.Published, "2026-10-01"); // 领导信息 of another agency
            Item(db, "draft", Own, "01.01", ContentStatus.Draft, null);                 // a draft fills no class
            await db.SaveChangesAsync();
        });

        var own = await LoadAsync(database, Own);
        Assert.Equal((14, "默认：动态、要闻类栏目 2 周"), (own["03.04"].Rule.Days, own["03.04"].Rule.Basis));
        Assert.Equal((183, "默认：通知公告、政策文件类栏目 6 个月"), (own["02.02"].Rule.Days, own["02.02"].Rule.Basis));
        Assert.Equal((365, 0), (own["03.05"].Rule.Days, own["01.02"].Rule.Days));
        Assert.Equal((FreshnessState.StaleSoon, D("2026-10-16")), (own["03.04"].State, own["03.04"].StaleOn));
        Assert.Equal((FreshnessState.Stale, D("2026-10-05")), (own["03.01"].State, own["03.01"].StaleOn));
        Assert.Equal(FreshnessState.Fresh, own["03.02"].State);
        Assert.Equal((FreshnessState.Fresh, D("2026-11-01")), (own["02.02"].State, own["02.02"].StaleOn));
        Assert.Equal(FreshnessState.Stale, own["02.04"].State);
        // A parent counts its classes' items and their latest publication: 政策法规 (183 days) by 规范性文件's.
        Assert.Equal((2, D("2026-05-01"), FreshnessState.Fresh), (own["02"].ItemCount, own["02"].LastPublishedOn, own["02"].State));
        // 工作信息 has no default rule: only checked for being empty.
        Assert.Equal((3, D("2026-10-14"), FreshnessState.NotChecked), (own["03"].ItemCount, own["03"].LastPublishedOn, own["03"].State));
        Assert.Equal(FreshnessState.Empty, own["01.02"].State);
        Assert.Equal(FreshnessState.Empty, own["01.01"].State);

        // The installation sees every agency's: the other agency's 领导信息 fills the class there.
        var all = await LoadAsync(database, null);
        Assert.Equal(FreshnessState.NotChecked, all["01.02"].State);
        Assert.Equal(FreshnessState.Empty, (await LoadAsync(database, Other))["03.04"].State);

        // The 公开办 gives 重大警情 30 days: fresh until 10-21. A bad value beside a good one writes neither.
        var ledger = await LedgerCountAsync(database);
        var refused = await SaveAsync(database, new() { ["03.04"] = "7", ["03.01"] = "两周", ["99"] = "1" });
        Assert.Equal(["“重大警情”的更新间隔应为 0 到 3660 之间的整数天数（0 表示只检查是否为空），“两周”无效。", "目录分类“99”不存在。"], refused);
        Assert.Equal(14, (await LoadAsync(database, Own))["03.04"].Rule.Days);
        Assert.Equal(ledger, await LedgerCountAsync(database));

        Assert.Empty(await SaveAsync(database, new() { ["03.01"] = " 30 " }));
        own = await LoadAsync(database, Own);
        Assert.Equal((30, "本站设置", FreshnessState.Fresh, D("2026-10-21")), (own["03.01"].Rule.Days, own["03.01"].Rule.Basis, own["03.01"].State, own["03.01"].StaleOn));
        Assert.Equal(ledger + 1, await LedgerCountAsync(database));
        // Saving the same value again changes nothing and records nothing.
        Assert.Empty(await SaveAsync(database, new() { ["03.01"] = "30" }));
        Assert.Equal(ledger + 1, await LedgerCountAsync(database));
    }

    private static Task<Dictionary<string, ClassFreshness>> LoadAsync(TestDatabase database, string? agency) =>
        database.InScopeAsync(async sp => (await sp.GetRequiredService<FreshnessReport>().LoadAsync(agency, default)).ToDictionary(c => c.Rule.ClassCode));

    private static Task<IReadOnlyList<string>> SaveAsync(TestDatabase database, Dictionary<string, string?> input) =>
        database.InScopeAsync(sp => sp.GetRequiredService<FreshnessRules>().SaveAsync(input, "office", default));

    private static Task<int> LedgerCountAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.CountAsync(e => e.Action == FreshnessRules.LedgerAction));

    private static void Item(DisclosureDbContext db, string id, string agency, string catalogue, ContentStatus status, string? published)
    {
        var item = new ContentItemRecord { ContentItemId = id, ContentType = "Notice", AgencyCode = agency, CreatedUtc = DateTime.UtcNow, LatestVersionNumber = 1 };
        item.Versions.Add(new ContentVersionRecord
        {
            Number = 1, Status = status, ContentType = "Notice", Title = id, DataJson = "{}", ContentHash = new string('0', 64),
            AgencyCode = agency, CatalogueCode = catalogue, CreatedUtc = DateTime.UtcNow,
            PublishedUtc = published is null ? null : ChinaTime.StartOfDayUtc(D(published)).AddHours(10),
        });
        db.ContentItems.Add(item);
    }

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
