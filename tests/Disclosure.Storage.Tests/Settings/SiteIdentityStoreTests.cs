using Disclosure.Core.Settings;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Settings;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Settings;

/// <summary>站点设置 on SQLite and PostgreSQL: seeding from configuration, edits with their 台账 entries, refusals.</summary>
public sealed class SiteIdentityStoreTests
{
    private static readonly SiteIdentitySeed Office = new(
        new Dictionary<string, string>
        {
            [SiteIdentityFields.SiteName] = "测试县政府信息公开网",
            [SiteIdentityFields.AgencyName] = "测试县公安局",
            [SiteIdentityFields.AreaCode] = "640121",
            [SiteIdentityFields.CreditCode] = "11640121MB1570283J",
            [SiteIdentityFields.WebsiteCode] = "6401210099",
        },
        "103",
        [new("zhzx", "指挥中心"), new("bgs", "办公室")]);

    private static Task<T> StoreAsync<T>(TestDatabase database, Func<SiteIdentityStore, Task<T>> action) =>
        database.InScopeAsync(sp => action(sp.GetRequiredService<SiteIdentityStore>()));

    private static Task<List<Entities.LedgerEntry>> LedgerAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    private static async Task<TestDatabase> SetUpOfficeAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        await database.ApplyRecipesAsync("setup.json");
        await StoreAsync(database, s => s.SeedAsync(Office, firstStart: true, "站点配置"));
        return database;
    }

    private static Dictionary<string, string> Form(SiteIdentity identity, params (string Name, string Value)[] changes)
    {
        var values = identity.Values.ToDictionary(v => v.Key, v => v.Value);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return values;
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_setup_only_database_gets_exactly_the_configured_agency_and_its_departments(DatabaseProvider engine)
    {
        await using var database = await SetUpOfficeAsync(engine);

        var (agencies, departments) = await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            return (await db.Agencies.AsNoTracking().ToListAsync(), await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync());
        });
        var agency = Assert.Single(agencies);
        Assert.Equal(("640121-103", "测试县公安局", "640121", "103", "11640121MB1570283J"), (agency.Code, agency.Name, agency.AreaCode, agency.DepartmentCode, agency.CreditCode));
        Assert.Equal(["指挥中心", "办公室"], departments.Select(d => d.Name));

        var identity = await StoreAsync(database, s => s.LoadAsync());
        Assert.Equal(("640121-103", "测试县公安局", "6401210099", "测试县政府信息公开网"), (identity.AgencyCode, identity.AgencyName, identity.WebsiteCode, identity.SiteName));
        var seeded = Assert.Single(await LedgerAsync(database));
        Assert.Equal(SettingsLedgerActions.SettingsSeeded, seeded.Action);
        Assert.Contains("网站标识码：6401210099", seeded.Detail);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Without_a_configured_agency_a_setup_only_database_refuses_to_start_with_a_message(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplyRecipesAsync("setup.json");

        var error = await Assert.ThrowsAsync<SiteSettingsException>(() =>
            StoreAsync(database, s => s.SeedAsync(new SiteIdentitySeed(new Dictionary<string, string>(), null, []), firstStart: true, "站点配置")));
        Assert.Contains("Site:Identity:AgencyName", error.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task On_later_starts_the_stored_values_win_over_configuration(DatabaseProvider engine)
    {
        await using var database = await SetUpOfficeAsync(engine);
        var identity = await StoreAsync(database, s => s.LoadAsync());
        await StoreAsync(database, s => s.SaveAsync(Form(identity, (SiteIdentityFields.WebsiteCode, "6401210001"), (SiteIdentityFields.AgencyName, "测试县公安局（改）")), "admin"));

        var seeded = await StoreAsync(database, s => s.SeedAsync(Office, firstStart: false, "站点配置"));

        Assert.Empty(seeded);
        var after = await StoreAsync(database, s => s.LoadAsync());
        Assert.Equal(("6401210001", "测试县公安局（改）"), (after.WebsiteCode, after.AgencyName));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_change_is_one_ledger_entry_naming_each_field_old_and_new(DatabaseProvider engine)
    {
        await using var database = await SetUpOfficeAsync(engine);
        var identity = await StoreAsync(database, s => s.LoadAsync());

        var changes = await StoreAsync(database, s => s.SaveAsync(Form(identity,
            (SiteIdentityFields.WebsiteCode, "6401210001"), (SiteIdentityFields.IcpNumber, "宁ICP备05001234号-1"), (SiteIdentityFields.AreaCode, "640122")), "admin"));
        var unchanged = await StoreAsync(database, s => s.SaveAsync(Form(identity,
            (SiteIdentityFields.WebsiteCode, "6401210001"), (SiteIdentityFields.IcpNumber, "宁ICP备05001234号-1"), (SiteIdentityFields.AreaCode, "640122")), "admin"));

        Assert.Equal(3, changes.Count);
        Assert.Empty(unchanged);
        var entry = (await LedgerAsync(database)).Last();
        Assert.Equal((SettingsLedgerActions.SettingsChanged, "admin"), (entry.Action, entry.Actor));
        Assert.Contains("网站标识码：6401210099 → 6401210001", entry.Detail);
        Assert.Contains("ICP 备案号：（空） → 宁ICP备05001234号-1", entry.Detail);
        Assert.Contains("行政区划代码：640121 → 640122", entry.Detail);
        Assert.Equal("修改站点设置", await database.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<LedgerActionNames>().DisplayName(entry.Action))));
        // The agency row follows: 索引号 and the 发布机构 lists use it.
        Assert.Equal("640122", await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Agencies.Select(a => a.AreaCode).SingleAsync()));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Bad_input_gets_zh_CN_messages_and_nothing_is_saved(DatabaseProvider engine)
    {
        await using var database = await SetUpOfficeAsync(engine);
        var identity = await StoreAsync(database, s => s.LoadAsync());
        var ledgerBefore = (await LedgerAsync(database)).Count;

        var error = await Assert.ThrowsAsync<SiteSettingsException>(() => StoreAsync(database, s => s.SaveAsync(Form(identity,
            (SiteIdentityFields.CreditCode, "11640121MB1570283K"),
            (SiteIdentityFields.AreaCode, "64012"),
            (SiteIdentityFields.IndexNumberFormat, "{area}-{dept}/{year}"),
            (SiteIdentityFields.WebsiteCode, "6401210001")), "admin")));

        Assert.Equal("统一社会信用代码校验位错误：按 GB 32100 应为“J”，实为“K”。", error.Errors[SiteIdentityFields.CreditCode]);
        Assert.Equal("行政区划代码应为 6 位数字，如 640121。", error.Errors[SiteIdentityFields.AreaCode]);
        Assert.Contains("必须包含且只包含一个流水号占位符", error.Errors[SiteIdentityFields.IndexNumberFormat]);
        var after = await StoreAsync(database, s => s.LoadAsync());
        Assert.Equal(identity.Values, after.Values);
        Assert.Equal(ledgerBefore, (await LedgerAsync(database)).Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Departments_are_added_and_renamed_with_ledger_entries(DatabaseProvider engine)
    {
        await using var database = await SetUpOfficeAsync(engine);

        await StoreAsync(database, async s => { await s.AddDepartmentAsync("fzdd", "法制大队", "admin"); return true; });
        var added = (await StoreAsync(database, s => s.DepartmentsAsync())).Single(d => d.Code == "fzdd");
        await StoreAsync(database, async s => { await s.RenameDepartmentAsync(added.Id, "法制室", "admin"); return true; });
        var duplicate = await Assert.ThrowsAsync<SiteSettingsException>(() => StoreAsync(database, async s => { await s.AddDepartmentAsync("fzdd", "重复", "admin"); return true; }));

        Assert.Equal("部门代码“fzdd”已存在。", duplicate.Errors["DepartmentCode"]);
        Assert.Equal(["指挥中心", "办公室", "法制室"], (await StoreAsync(database, s => s.DepartmentsAsync())).Select(d => d.Name));
        var ledger = await LedgerAsync(database);
        Assert.Equal([SettingsLedgerActions.DepartmentAdded, SettingsLedgerActions.DepartmentRenamed], ledger.Skip(1).Select(e => e.Action));
        Assert.Equal("测试县公安局（fzdd）：法制大队 → 法制室", ledger[^1].Detail);
    }
}
