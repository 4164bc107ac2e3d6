using Disclosure.Core.Security;
using Disclosure.Core.Settings;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Settings;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Settings;

/// <summary>
/// The agency tree as the 管理员 manage it, on SQLite and PostgreSQL, over the demo office's tree
/// (内蒙古自治区公安厅 → 鄂尔多斯市公安局 → 伊金霍洛旗公安局 / 东胜区分局; 本机关 永宁县公安局, a root of its own).
/// </summary>
public sealed class AgencyServiceTests
{
    private const string Region = "150000-103", City = "150600-103", Banner = "150627-103", District = "150602-103", Own = "640121-103";

    /// <summary>The installation's 管理员 (no agency).</summary>
    private static readonly Actor Installation = Admin("admin", null);

    /// <summary>鄂尔多斯市公安局's 管理员: 鄂尔多斯 and below only.</summary>
    private static readonly Actor CityAdmin = Admin("erdos", City);

    private static Actor Admin(string name, string? agency) => new(name, new HashSet<string> { RoleNames.Administrator }) { AgencyCode = agency };

    private static async Task<TestDatabase> DemoTreeAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        // The demo's 内蒙古 agencies come with 标识设置 of their own; these tests start from agencies that set nothing.
        await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().AgencySettings.ExecuteDeleteAsync());
        return database;
    }

    private static Task<T> ServiceAsync<T>(TestDatabase database, Func<AgencyService, Task<T>> action) =>
        database.InScopeAsync(sp => action(sp.GetRequiredService<AgencyService>()));

    private static Task<AgencyTree> TreeAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<AgencyDirectory>().TreeAsync());

    private static Task<List<Entities.LedgerEntry>> LedgerAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    private static AgencyInput Input(string name, string? parent, string area, string department = "103", string? credit = null, string? code = null, bool online = true) =>
        new(code, name, parent, area, department, credit, null, online);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_agency_is_created_under_its_parent_with_a_ledger_entry_and_a_wrong_credit_code_stores_nothing(DatabaseProvider engine)
    {
        await using var database = await DemoTreeAsync(engine);
        var before = (await LedgerAsync(database)).Count;

        var code = await ServiceAsync(database, s => s.CreateAsync(Input("鄂托克旗公安局", City, "150624", credit: "11150627MB15849076"), Installation));

        Assert.Equal("150624-103", code);
        var tree = await TreeAsync(database);
        Assert.Equal([Region, City, code], tree.PathTo(code).Select(a => a.Code));
        // Placed after its siblings.
        Assert.Equal(code, tree.Find(City)!.Children[^1].Code);
        var entry = (await LedgerAsync(database)).Last();
        Assert.Equal((SettingsLedgerActions.AgencyCreated, "admin", SettingsLedgerActions.AgencySubject(code)), (entry.Action, entry.Actor, entry.ContentItemId));
        Assert.Contains("上级机关：鄂尔多斯市公安局（150600-103）", entry.Detail);
        Assert.Contains("统一社会信用代码：11150627MB15849076", entry.Detail);
        Assert.Equal("新建机构", await database.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<LedgerActionNames>().DisplayName(entry.Action))));

        // The GB 32100 check digit of the site settings: the last character changed.
        var wrong = await Assert.ThrowsAsync<SiteSettingsException>(() =>
            ServiceAsync(database, s => s.CreateAsync(Input("乌审旗公安局", City, "150626", credit: "11150627MB15849077"), Installation)));
        Assert.Contains("统一社会信用代码", wrong.Errors[SiteIdentityFields.CreditCode]);
        var duplicate = await Assert.ThrowsAsync<SiteSettingsException>(() =>
            ServiceAsync(database, s => s.CreateAsync(Input("重复", City, "150627"), Installation)));
        Assert.Equal("机构代码“150627-103”已存在。", duplicate.Errors["Code"]);
        Assert.Null((await TreeAsync(database)).Find("150626-103"));
        Assert.Equal(before + 1, (await LedgerAsync(database)).Count);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_agency_moves_under_another_parent_but_never_under_itself_or_below_it(DatabaseProvider engine)
    {
        await using var database = await DemoTreeAsync(engine);

        Assert.True(await ServiceAsync(database, s => s.MoveAsync(District, Banner, Installation)));
        Assert.False(await ServiceAsync(database, s => s.MoveAsync(District, Banner, Installation)));

        var entry = (await LedgerAsync(database)).Last();
        Assert.Equal(SettingsLedgerActions.AgencyMoved, entry.Action);
        Assert.Equal("鄂尔多斯市公安局东胜区分局（150602-103）：上级机关：鄂尔多斯市公安局（150600-103） → 伊金霍洛旗公安局（150627-103）", entry.Detail);
        Assert.Equal([Region, City, Banner, District], (await TreeAsync(database)).PathTo(District).Select(a => a.Code));

        var count = (await LedgerAsync(database)).Count;
        foreach (var (agency, parent) in new[] { (City, District), (City, Banner), (City, City), (Region, District) })
        {
            var refused = await Assert.ThrowsAsync<SiteSettingsException>(() => ServiceAsync(database, s => s.MoveAsync(agency, parent, Installation)));
            Assert.Equal("不能将机构移到其自身或其下级机构之下。", refused.Errors["ParentCode"]);
        }

        Assert.Equal(count, (await LedgerAsync(database)).Count);
        Assert.Equal(Region, (await TreeAsync(database)).Find(City)!.Agency.ParentCode);

        // The installation's 管理员 may make any agency a root.
        Assert.True(await ServiceAsync(database, s => s.MoveAsync(City, null, Installation)));
        Assert.Equal([City, Banner, District], (await TreeAsync(database)).PathTo(District).Select(a => a.Code));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_agencys_administrator_manages_that_agency_and_below_only(DatabaseProvider engine)
    {
        await using var database = await DemoTreeAsync(engine);

        var scope = await ServiceAsync(database, s => s.ScopeAsync(CityAdmin));
        Assert.False(scope.Everything);
        Assert.Equal(City, scope.Roots.Single().Code);
        Assert.All(new[] { City, Banner, District }, code => Assert.True(scope.Manages(code), code));
        Assert.False(scope.Manages(Region));
        Assert.False(scope.Manages(Own));
        // The installation's 管理员: no agency, or the root of 本机关's tree (永宁县公安局 is a root of its own).
        Assert.True((await ServiceAsync(database, s => s.ScopeAsync(Admin("own", Own)))).Everything);
        Assert.True((await ServiceAsync(database, s => s.ScopeAsync(Installation))).Everything);
        // Not a 管理员: nothing, whatever the agency.
        var editor = new Actor("editor", new HashSet<string> { RoleNames.Editor }) { AgencyCode = City };
        Assert.Empty((await ServiceAsync(database, s => s.ScopeAsync(editor))).Roots);

        var count = (await LedgerAsync(database)).Count;
        await Assert.ThrowsAsync<AgencyAccessDeniedException>(() => ServiceAsync(database, s => s.UpdateAsync(Region, Input("改名", null, "150000"), CityAdmin)));
        await Assert.ThrowsAsync<AgencyAccessDeniedException>(() => ServiceAsync(database, s => s.UpdateAsync(City, Input("改名", null, "150600"), editor)));
        await Assert.ThrowsAsync<AgencyAccessDeniedException>(() => ServiceAsync(database, async s => { await s.AddDepartmentAsync(Own, "xx", "某部门", CityAdmin); return true; }));
        await Assert.ThrowsAsync<AgencyAccessDeniedException>(() =>
            ServiceAsync(database, s => s.SaveIdentityAsync(Region, new Dictionary<string, string> { [SiteIdentityFields.OfficePhone] = "0471-1" }, CityAdmin)));
        var underParent = await Assert.ThrowsAsync<SiteSettingsException>(() => ServiceAsync(database, s => s.CreateAsync(Input("某局", Region, "150100"), CityAdmin)));
        Assert.Equal("上级机关不存在或不在您的管理范围内。", underParent.Errors["ParentCode"]);
        await Assert.ThrowsAsync<SiteSettingsException>(() => ServiceAsync(database, s => s.CreateAsync(Input("某局", null, "150100"), CityAdmin)));
        await Assert.ThrowsAsync<SiteSettingsException>(() => ServiceAsync(database, s => s.MoveAsync(Banner, Region, CityAdmin)));
        await Assert.ThrowsAsync<SiteSettingsException>(() => ServiceAsync(database, s => s.MoveAsync(City, Region, CityAdmin)));
        Assert.Equal(count, (await LedgerAsync(database)).Count);

        // Within the subtree everything goes, each change in the 台账 with its fields old → new.
        var changes = await ServiceAsync(database, s => s.UpdateAsync(Banner, Input("伊金霍洛旗公安局", null, "150627", credit: "11150627MB15849076", online: false), CityAdmin));
        Assert.Equal(["接受网上申请：是 → 否"], changes);
        var entry = (await LedgerAsync(database)).Last();
        Assert.Equal((SettingsLedgerActions.AgencyUpdated, "erdos", "伊金霍洛旗公安局（150627-103）：接受网上申请：是 → 否"), (entry.Action, entry.Actor, entry.Detail));
        Assert.True(await ServiceAsync(database, s => s.MoveAsync(District, Banner, CityAdmin)));
        Assert.Equal("150627-104", await ServiceAsync(database, s => s.CreateAsync(Input("伊金霍洛旗公安局交警大队", Banner, "150627", department: "104"), CityAdmin)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Departments_are_scoped_by_agency_so_codes_repeat_across_agencies(DatabaseProvider engine)
    {
        await using var database = await DemoTreeAsync(engine);

        // 鄂尔多斯 and 伊金霍洛旗 both have a bgs already; a new code may also be added to both.
        await ServiceAsync(database, async s => { await s.AddDepartmentAsync(City, "zxdd", "刑侦支队", Installation); return true; });
        await ServiceAsync(database, async s => { await s.AddDepartmentAsync(Banner, "zxdd", "刑侦大队", CityAdmin); return true; });
        var twice = await Assert.ThrowsAsync<SiteSettingsException>(() => ServiceAsync(database, async s => { await s.AddDepartmentAsync(Banner, "bgs", "办公室二", CityAdmin); return true; }));
        Assert.Equal("伊金霍洛旗公安局已有部门代码“bgs”。", twice.Errors["DepartmentCode"]);

        var cityBgs = (await ServiceAsync(database, s => s.DepartmentsAsync(City, Installation))).Single(d => d.Code == "bgs");
        // Renaming 鄂尔多斯's bgs by way of 伊金霍洛旗 finds nothing.
        await Assert.ThrowsAsync<SiteSettingsException>(() => ServiceAsync(database, s => s.RenameDepartmentAsync(Banner, cityBgs.Id, "改名", CityAdmin)));
        Assert.True(await ServiceAsync(database, s => s.RenameDepartmentAsync(City, cityBgs.Id, "警务保障室", CityAdmin)));

        var banner = await ServiceAsync(database, s => s.DepartmentsAsync(Banner, Installation));
        Assert.Equal("办公室", banner.Single(d => d.Code == "bgs").Name);
        Assert.Equal("刑侦大队", banner.Single(d => d.Code == "zxdd").Name);
        var entry = (await LedgerAsync(database)).Last();
        Assert.Equal((SettingsLedgerActions.DepartmentRenamed, "鄂尔多斯市公安局（bgs）：办公室 → 警务保障室"), (entry.Action, entry.Detail));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_agencys_identity_is_the_installations_overlaid_by_its_ancestors_and_its_own(DatabaseProvider engine)
    {
        await using var database = await DemoTreeAsync(engine);
        var installation = await database.InScopeAsync(sp => sp.GetRequiredService<SiteIdentityStore>().LoadAsync());

        await ServiceAsync(database, s => s.SaveIdentityAsync(Region, new Dictionary<string, string> { [SiteIdentityFields.ReconsiderationAuthority] = "内蒙古自治区人民政府" }, Installation));
        await ServiceAsync(database, s => s.SaveIdentityAsync(City, new Dictionary<string, string>
        {
            [SiteIdentityFields.OfficePhone] = "0477-8581234",
            [SiteIdentityFields.ReconsiderationAuthority] = "鄂尔多斯市人民政府",
        }, CityAdmin));
        await ServiceAsync(database, s => s.SaveIdentityAsync(Banner, new Dictionary<string, string> { [SiteIdentityFields.Court] = "伊金霍洛旗人民法院" }, CityAdmin));

        var banner = await database.InScopeAsync(sp => sp.GetRequiredService<SiteIdentityStore>().LoadAsync(Banner));
        Assert.Equal(("伊金霍洛旗公安局", "150627", "11150627MB15849076"), (banner.AgencyName, banner[SiteIdentityFields.AreaCode], banner[SiteIdentityFields.CreditCode]));
        Assert.Equal(("0477-8581234", "鄂尔多斯市人民政府", "伊金霍洛旗人民法院"), (banner.OfficePhone, banner.ReconsiderationAuthority, banner.Court));
        Assert.Equal((installation.Sponsor, installation.SiteName), (banner.Sponsor, banner.SiteName));
        var district = await database.InScopeAsync(sp => sp.GetRequiredService<SiteIdentityStore>().LoadAsync(District));
        Assert.Equal(installation.Court, district.Court);
        var region = await database.InScopeAsync(sp => sp.GetRequiredService<SiteIdentityStore>().LoadAsync(Region));
        Assert.Equal(("内蒙古自治区人民政府", installation.OfficePhone), (region.ReconsiderationAuthority, region.OfficePhone));

        var entry = (await LedgerAsync(database)).Single(e => e.Action == SettingsLedgerActions.AgencySettingsChanged && e.Actor == "erdos" && e.Detail!.StartsWith("鄂尔多斯", StringComparison.Ordinal));
        Assert.Equal("鄂尔多斯市公安局（150600-103）：联系电话：（沿用上级） → 0477-8581234；行政复议机关：（沿用上级） → 鄂尔多斯市人民政府", entry.Detail);
        Assert.Equal(SettingsLedgerActions.AgencySubject(City), entry.ContentItemId);

        // Emptying an override inherits again; a wrong value stores nothing.
        await ServiceAsync(database, s => s.SaveIdentityAsync(City, new Dictionary<string, string> { [SiteIdentityFields.ReconsiderationAuthority] = "鄂尔多斯市人民政府" }, CityAdmin));
        Assert.Equal(installation.OfficePhone, (await database.InScopeAsync(sp => sp.GetRequiredService<SiteIdentityStore>().LoadAsync(Banner))).OfficePhone);
        Assert.Contains("联系电话：0477-8581234 → （沿用上级）", (await LedgerAsync(database)).Last().Detail);
        var wrong = await Assert.ThrowsAsync<SiteSettingsException>(() =>
            ServiceAsync(database, s => s.SaveIdentityAsync(Banner, new Dictionary<string, string> { [SiteIdentityFields.ContactEmail] = "不是邮箱" }, CityAdmin)));
        Assert.Equal("电子邮箱格式不正确。", wrong.Errors[SiteIdentityFields.ContactEmail]);
        Assert.Equal("伊金霍洛旗人民法院", (await database.InScopeAsync(sp => sp.GetRequiredService<SiteIdentityStore>().LoadAsync(Banner))).Court);

        var (inherited, own) = await database.InScopeAsync(sp => sp.GetRequiredService<SiteIdentityStore>().OverridesAsync(Banner));
        Assert.Equal(new Dictionary<string, string> { [SiteIdentityFields.Court] = "伊金霍洛旗人民法院" }, own);
        Assert.Equal(installation.Court, inherited.Court);
    }
}
