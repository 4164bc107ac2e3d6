using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Supervision.Coverage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Supervision;

/// <summary>条例第二十条 coverage on the set-up 目录: the recipe's mapping, counts per class, 不适用, uncovered flagged, bad input refused.</summary>
public sealed class StatuteCoverageTests
{
    private const string Agency = "640121-103";

    private static async Task<TestDatabase> DatabaseAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static Task<IReadOnlyList<CoverageLine>> ReportAsync(TestDatabase database, string? agency = Agency) =>
        database.InScopeAsync(sp => sp.GetRequiredService<CoverageQuery>().ReportAsync(agency));

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_setup_maps_every_item_and_the_view_counts_published_items_and_flags_an_uncovered_one(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        var id = (await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(catalogue: "03.02"), "editor"))).ItemId;
        var itemId = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentItems.Where(i => i.Id == id).Select(i => i.ContentItemId).SingleAsync());
        await database.InScopeAsync(sp => sp.GetRequiredService<ContentManager>().PublishAsync(itemId, null, "office", SampleContent.PublishedAt));

        var lines = await ReportAsync(database);
        Assert.Equal(15, lines.Count);
        Assert.Equal("（十二）", lines[11].Item.Label);
        Assert.Equal("突发公共事件的应急预案、预警信息及应对情况", lines[11].Item.Text);
        Assert.Equal([("03.01", "重大警情", 0), ("03.02", "预警防范", 1), ("03.03", "辟谣信息", 0)], lines[11].Classes.Select(c => (c.Code, c.Name, c.Published)));
        Assert.Equal(CoverageState.Covered, lines[11].State);
        Assert.Equal(CoverageState.NotApplicable, lines[3].State);
        Assert.StartsWith("公安机关不承担国民经济和社会发展统计职能", lines[3].Entry.NotApplicableReason);
        Assert.Equal(CoverageState.Empty, lines[13].State); // 07.03 考录招聘: mapped, nothing published yet
        Assert.DoesNotContain(lines, l => l.State == CoverageState.Uncovered);

        // The office maps its own agency, leaving (十五) out: flagged as uncovered there, while the installation keeps its mapping.
        var own = lines.Where(l => l.Item.Number != 15).ToDictionary(l => l.Item.Number, l => l.Entry);
        var changed = await database.InScopeAsync(sp => sp.GetRequiredService<CoverageStore>().SaveAsync(Agency, own, "office"));
        Assert.Equal(["第二十条（十五）：未对应"], changed);
        var mine = await ReportAsync(database);
        Assert.Equal([15], mine.Where(l => l.State == CoverageState.Uncovered).Select(l => l.Item.Number));
        Assert.Equal(CoverageState.Covered, mine[11].State);
        Assert.DoesNotContain(await ReportAsync(database, null), l => l.State == CoverageState.Uncovered);
        var entry = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("office", $"agency:{Agency}", "条例第二十条对应目录：第二十条（十五）：未对应"), (entry.Actor, entry.ContentItemId, entry.Detail));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_unknown_class_or_an_item_both_mapped_and_not_applicable_is_refused_and_nothing_is_written(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        var before = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.CountAsync());
        var input = (await ReportAsync(database)).ToDictionary(l => l.Item.Number, l => l.Entry);
        input[1] = new CoverageEntry(["02.01", "99.99"], null);
        input[3] = new CoverageEntry(["03.05"], "不编制规划");
        var ex = await Assert.ThrowsAsync<CoverageValidationException>(() => database.InScopeAsync(sp => sp.GetRequiredService<CoverageStore>().SaveAsync(Agency, input, "office")));
        Assert.Equal(
            ["第二十条（一）：目录分类“99.99”不存在，请填写信息公开目录中已有的分类代码（如 02.02）。", "第二十条（三）：已对应目录分类，不能同时标为不适用；请删去分类或不适用理由之一。"],
            ex.Problems);
        Assert.Equal(before, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.CountAsync()));
        Assert.False(await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().AgencySettings.AnyAsync(s => s.Name == CoverageStore.SettingName)));
    }
}
