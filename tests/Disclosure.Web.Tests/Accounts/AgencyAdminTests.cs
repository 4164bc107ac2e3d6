using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Disclosure.Core.Security;
using Disclosure.Core.Settings;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Accounts;

/// <summary>
/// The agency tree over HTTP on the demo site: <c>/api/v1/agencies</c>'s shape, the 机构 admin pages for the
/// installation's 管理员 and for 鄂尔多斯市公安局's 管理员 (its subtree only), and agency {code, name} on 双公示 records.
/// </summary>
public sealed class AgencyAdminTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string CityAdmin = "erdos-admin";

    [Fact]
    public async Task The_api_lists_the_demo_tree_with_codes_flags_and_each_agencys_identity()
    {
        var client = fixture.Site.CreateClient();
        var response = await client.GetAsync("/api/v1/agencies");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var count = await InScopeAsync(db => db.Agencies.CountAsync());
        Assert.Equal(count, body.GetProperty("count").GetInt32());
        var roots = body.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Equal(count, roots.Sum(Count));
        var region = roots.Single(r => r.GetProperty("code").GetString() == "150000-103");
        Assert.Equal(("内蒙古自治区公安厅", JsonValueKind.Null, "150000"),
            (region.GetProperty("name").GetString(), region.GetProperty("parent").ValueKind, region.GetProperty("areaCode").GetString()));
        var city = Assert.Single(region.GetProperty("children").EnumerateArray());
        Assert.Equal(("150600-103", "鄂尔多斯市公安局", "150000-103"), (city.GetProperty("code").GetString(), city.GetProperty("name").GetString(), city.GetProperty("parent").GetString()));
        var below = city.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal(["150602-103", "150627-103"], below.Keys.Order());
        var banner = below["150627-103"];
        Assert.Equal(("伊金霍洛旗公安局", "150627", "11150627MB15849076", true, "150600-103"),
            (banner.GetProperty("name").GetString(), banner.GetProperty("areaCode").GetString(), banner.GetProperty("creditCode").GetString(),
             banner.GetProperty("acceptsOnlineRequests").GetBoolean(), banner.GetProperty("parent").GetString()));
        Assert.False(below["150602-103"].GetProperty("acceptsOnlineRequests").GetBoolean());
        Assert.Equal("鄂尔多斯市公安局东胜区分局", below["150602-103"].GetProperty("name").GetString());
        // The identity as it applies: every per-agency field, nothing else (网站名称 is the website's, not an agency's).
        var identity = banner.GetProperty("identity");
        Assert.Equal(SiteIdentityFields.PerAgency.Select(f => char.ToLowerInvariant(f.Name[0]) + f.Name[1..]).Order(),
            identity.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("伊金霍洛旗公安局", identity.GetProperty("sponsor").GetString()); // its own 标识设置 (the demo recipe's)
        Assert.Equal("鄂尔多斯市公安局", below["150602-103"].GetProperty("identity").GetProperty("sponsor").GetString()); // its parent's

        // An override of 鄂尔多斯 reaches 东胜区分局 (which sets nothing of its own) in the API at once (a changed ETag, not the cached answer).
        using (var scope = fixture.Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AgencyService>().SaveIdentityAsync("150600-103",
                new Dictionary<string, string> { [SiteIdentityFields.ReconsiderationAuthority] = "鄂尔多斯市人民政府（测试）" },
                new Actor("admin", new HashSet<string> { RoleNames.Administrator }));
        }

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/agencies");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var after = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var text = await after.Content.ReadAsStringAsync();
        var afterDistrict = JsonDocument.Parse(text).RootElement.GetProperty("agencies").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "150000-103")
            .GetProperty("children")[0].GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "150602-103");
        Assert.Equal("鄂尔多斯市人民政府（测试）", afterDistrict.GetProperty("identity").GetProperty("reconsiderationAuthority").GetString());
    }

    [Fact]
    public async Task The_installations_administrator_sees_every_agency_and_creates_one_under_any_parent()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, "sysadmin");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/agencies"));
        foreach (var name in new[] { "永宁县公安局", "内蒙古自治区公安厅", "鄂尔多斯市公安局", "伊金霍洛旗公安局", "鄂尔多斯市公安局东胜区分局" })
        {
            Assert.Contains($">{name}</a>", page);
        }

        Assert.Contains("href=\"/admin/agencies\"", page); // the admin menu's entry

        var refused = await client.PostAsync("/admin/agencies", Form(page, ("Form.ParentCode", "150627-103"), ("Form.Name", "伊金霍洛旗公安局交管大队"),
            ("Form.AreaCode", "150627"), ("Form.DepartmentCode", "105"), ("Form.CreditCode", "11150627MB15849070"), ("Form.AcceptsOnlineRequests", "true")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("统一社会信用代码", await TextAsync(refused));

        var created = await client.PostAsync("/admin/agencies", Form(page, ("Form.ParentCode", "150627-103"), ("Form.Name", "伊金霍洛旗公安局交管大队"),
            ("Form.AreaCode", "150627"), ("Form.DepartmentCode", "105"), ("Form.AcceptsOnlineRequests", "false")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/agencies/150627-105", created.Headers.Location!.OriginalString);
        var row = await InScopeAsync(db => db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "150627-105"));
        Assert.Equal(("150627-103", false), (row.ParentCode, row.AcceptsOnlineRequests));
        Assert.True(await InScopeAsync(db => db.Ledger.AnyAsync(e => e.Action == SettingsLedgerActions.AgencyCreated && e.Actor == "sysadmin" && e.ContentItemId == "agency:150627-105")));
        // The 台账 page names the agency and links to its page.
        var ledger = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/ledger"));
        Assert.Contains("<a href=\"/admin/agencies/150627-105\">机构 伊金霍洛旗公安局交管大队</a>", ledger);
        Assert.Contains("新建机构", ledger);

        // Without the antiforgery token nothing is created.
        var forged = await client.PostAsync("/admin/agencies", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.ParentCode"] = "150627-103", ["Form.Name"] = "无令牌", ["Form.AreaCode"] = "150627", ["Form.DepartmentCode"] = "106",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await InScopeAsync(db => db.Agencies.AnyAsync(a => a.Code == "150627-106")));
    }

    [Fact]
    public async Task An_agencys_administrator_sees_and_changes_its_subtree_only()
    {
        await EnsureCityAdminAsync();
        var client = await Staff.SignedInAsync(fixture.Site, CityAdmin);

        var index = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/agencies"));
        Assert.Contains(">鄂尔多斯市公安局</a>", index);
        Assert.Contains(">伊金霍洛旗公安局</a>", index);
        Assert.DoesNotContain(">内蒙古自治区公安厅</a>", index);
        Assert.DoesNotContain("永宁县公安局", index);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/agencies/150000-103")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/agencies/640121-103")).StatusCode);
        var district = await client.GetStringAsync("/admin/agencies/150602-103");

        // Moving 东胜区分局 out of the subtree (the parent is not offered, but posted anyway) is refused by the service.
        var outside = await client.PostAsync("/admin/agencies/150602-103?handler=move", Form(district, ("parentCode", "150000-103")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.Contains("上级机关不存在或不在您的管理范围内。", await TextAsync(outside));
        // A post to an agency above is 404 and changes nothing.
        var above = await client.PostAsync("/admin/agencies/150000-103", Form(district, ("Form.Name", "被改的名称"), ("Form.AreaCode", "150000"), ("Form.DepartmentCode", "103")));
        Assert.Equal(HttpStatusCode.NotFound, above.StatusCode);
        Assert.Equal("内蒙古自治区公安厅", await InScopeAsync(db => db.Agencies.Where(a => a.Code == "150000-103").Select(a => a.Name).SingleAsync()));

        // Within it: a department 东胜区分局 shares its code with 鄂尔多斯's, and an identity override.
        var added = await client.PostAsync("/admin/agencies/150602-103?handler=addDepartment", Form(district, ("departmentCode", "fzdd"), ("departmentName", "法制大队")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var identity = await client.PostAsync("/admin/agencies/150602-103?handler=identity", Form(district, ($"Identity[{SiteIdentityFields.OfficePhone}]", "0477-8888888")));
        Assert.Equal(HttpStatusCode.Redirect, identity.StatusCode);
        var badEmail = await client.PostAsync("/admin/agencies/150602-103?handler=identity", Form(district, ($"Identity[{SiteIdentityFields.ContactEmail}]", "不是邮箱")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEmail.StatusCode);
        Assert.Contains("电子邮箱格式不正确。", await TextAsync(badEmail));
        using var scope = fixture.Site.Services.CreateScope();
        Assert.Equal("0477-8888888", (await scope.ServiceProvider.GetRequiredService<SiteIdentityStore>().LoadAsync("150602-103")).OfficePhone);
        Assert.True(await InScopeAsync(db => db.Departments.AnyAsync(d => d.AgencyCode == "150602-103" && d.Code == "fzdd")));
        var shown = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/agencies/150602-103"));
        Assert.Contains("value=\"0477-8888888\"", shown);
    }

    [Fact]
    public async Task An_agencys_site_settings_are_checked_saved_with_a_ledger_entry_and_its_host_name_serves_its_site()
    {
        await EnsureCityAdminAsync();
        var client = await Staff.SignedInAsync(fixture.Site, CityAdmin);
        var page = await client.GetStringAsync("/admin/agencies/150602-103");
        Assert.Contains("name=\"Site[Site.HostNames]\"", page);
        var ledgerBefore = await InScopeAsync(db => db.Ledger.CountAsync());

        async Task RefusedAsync(string message, params (string Name, string Value)[] fields)
        {
            var response = await client.PostAsync("/admin/agencies/150602-103?handler=site", Form(page, fields));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains(message, await TextAsync(response));
        }

        await RefusedAsync("“https://ds.example.gov.cn”不是有效的域名", ($"Site[{AgencySiteFields.HostNames}]", "https://ds.example.gov.cn"));
        await RefusedAsync("“ds.example.gov.cn:8080”不是有效的域名", ($"Site[{AgencySiteFields.HostNames}]", "ds.example.gov.cn:8080"));
        // Another agency's host name (伊金霍洛旗公安局's, from the demo recipe).
        await RefusedAsync("域名“yjhlq.example.gov.cn”已由机构“150627-103”使用", ($"Site[{AgencySiteFields.HostNames}]", "YJHLQ.example.gov.cn"));
        await RefusedAsync("主色调应为 #rrggbb 形式的颜色", ($"Site[{AgencySiteFields.PrimaryColor}]", "red"));
        // Yellow behind white text is unreadable (1.07:1).
        await RefusedAsync("低于 4.5:1", ($"Site[{AgencySiteFields.PrimaryColor}]", "#ffff00"), ($"Site[{AgencySiteFields.HostNames}]", "ds.example.gov.cn"));
        await RefusedAsync("标志图片地址应为本站图片的路径", ($"Site[{AgencySiteFields.LogoUrl}]", "https://evil.example.com/x.png"));
        Assert.False(await InScopeAsync(db => db.AgencySettings.AnyAsync(s => s.AgencyCode == "150602-103" && s.Name.StartsWith("Site."))));
        Assert.Equal(ledgerBefore, await InScopeAsync(db => db.Ledger.CountAsync()));

        var saved = await client.PostAsync("/admin/agencies/150602-103?handler=site", Form(page,
            ($"Site[{AgencySiteFields.HostNames}]", "DS.example.gov.cn\nwww.ds.example.gov.cn"), ($"Site[{AgencySiteFields.PrimaryColor}]", "#1A4F8B")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("ds.example.gov.cn\nwww.ds.example.gov.cn", await InScopeAsync(db => db.AgencySettings
            .Where(s => s.AgencyCode == "150602-103" && s.Name == AgencySiteFields.HostNames).Select(s => s.Value).SingleAsync()));
        var entry = await InScopeAsync(db => db.Ledger.OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(ledgerBefore + 1, await InScopeAsync(db => db.Ledger.CountAsync()));
        Assert.Contains("独立域名：（未设置） → ds.example.gov.cn、www.ds.example.gov.cn", entry.Detail);
        Assert.Contains("主色调：（未设置） → #1a4f8b", entry.Detail);

        // The host name now serves 东胜区分局's site at once on this node; its colour is its stylesheet.
        var anonymous = fixture.Site.CreateClient();
        var home = await TextAsync(await anonymous.GetAsync("http://www.ds.example.gov.cn/"));
        Assert.Contains("<h1>鄂尔多斯市公安局东胜区分局</h1>", home);
        Assert.Contains("href=\"/site-theme.css?c=1a4f8b\"", home);
        Assert.Contains("--accent: #1a4f8b", await anonymous.GetStringAsync("http://ds.example.gov.cn/site-theme.css"));
    }

    [Fact]
    public async Task Every_credit_api_record_carries_its_agency_code_and_name()
    {
        var client = fixture.Site.CreateClient();
        var names = await InScopeAsync(db => db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Name));
        foreach (var kind in new[] { "licences", "penalties" })
        {
            var items = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/credit/{kind}?pageSize=100")).RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            Assert.All(items, i =>
            {
                var agency = i.GetProperty("agency");
                Assert.Equal(names[agency.GetProperty("code").GetString()!], agency.GetProperty("name").GetString());
            });
            var one = JsonDocument.Parse(await client.GetStringAsync(items[0].GetProperty("url").GetString())).RootElement;
            Assert.Equal(items[0].GetProperty("agency").GetProperty("code").GetString(), one.GetProperty("agency").GetProperty("code").GetString());
        }
    }

    private static int Count(JsonElement node) => 1 + node.GetProperty("children").EnumerateArray().Sum(Count);

    private async Task EnsureCityAdminAsync()
    {
        using var scope = fixture.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DisclosureUser>>();
        if (await users.FindByNameAsync(CityAdmin) is not null)
        {
            return;
        }

        var user = new DisclosureUser { UserName = CityAdmin, DisplayName = "鄂管理", AgencyCode = "150600-103" };
        Assert.True((await users.CreateAsync(user, Staff.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, RoleNames.Administrator)).Succeeded);
    }

    private async Task<T> InScopeAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }
}
