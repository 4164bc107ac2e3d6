using System.Net;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Disclosure.Supervision.Freshness;
using Disclosure.Supervision.Links;
using Disclosure.Supervision.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Supervision;

/// <summary>
/// 督查督办 over HTTP on the demo site: who sees which agency's board, what bad input gets, and the freshness rules
/// saved all or nothing with their 台账 entry.
/// </summary>
[Collection(DemoSiteGroup.Name)]
public sealed class SupervisionBoardTests(SiteFixture fixture)
{
    [Fact]
    public async Task An_agency_office_sees_its_own_board_whatever_the_query_string_asks()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, "office-yj");
        var page = await TextAsync(await client.GetAsync("/admin/supervision?agency=640121-103"));
        Assert.Contains("<h1>督查督办</h1>", page);
        Assert.Contains("id=\"clock-proactive\"", page);
        Assert.Contains("id=\"clock-mailbox\"", page);
        Assert.DoesNotContain("name=\"agency\"", page);
        // 永宁县公安局's departments (指挥中心, 治安管理大队) never appear on 伊金霍洛旗's board.
        Assert.DoesNotContain("指挥中心", page);
        Assert.DoesNotContain("治安管理大队", page);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/supervision/clocks/no-such-clock")).StatusCode);
    }

    [Fact]
    public async Task The_installation_office_picks_an_agency_and_a_bad_month_or_agency_is_said_and_replaced()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, await InstallationOfficeAsync());
        var all = await TextAsync(await client.GetAsync("/admin/supervision"));
        Assert.Contains("name=\"agency\"", all);
        Assert.Contains("永宁县公安局 · 指挥中心", all);

        var badMonth = await TextAsync(await client.GetAsync("/admin/supervision?month=2026-13"));
        Assert.Contains("“2026-13”不是有效的月份", badMonth);
        var badAgency = await TextAsync(await client.GetAsync("/admin/supervision?agency=nope"));
        Assert.Contains("没有代码为“nope”的机构，已显示全部机构。", badAgency);

        // The leader reads the board; a person without the role does not.
        Assert.Equal(HttpStatusCode.OK, (await (await Staff.SignedInAsync(fixture.Site, "leader")).GetAsync("/admin/supervision")).StatusCode);
        var editor = await (await Staff.SignedInAsync(fixture.Site, "editor")).GetAsync("/admin/supervision");
        Assert.NotEqual(HttpStatusCode.OK, editor.StatusCode);
    }

    [Fact]
    public async Task Freshness_rules_are_saved_all_or_nothing_with_a_ledger_entry_and_the_leader_may_only_read_them()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var form = await office.GetStringAsync("/admin/supervision/freshness");
        Assert.Contains("name=\"days:03.04\" value=\"14\"", form);
        var before = await CountsAsync();

        // One bad value: nothing is written, not even the good one beside it.
        var refused = await office.PostAsync("/admin/supervision/freshness", Form(form, ("days:03.04", "两周"), ("days:02.02", "90")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("“工作动态”的更新间隔应为 0 到 3660 之间的整数天数", await TextAsync(refused));
        Assert.Equal(before, await CountsAsync());

        var saved = await office.PostAsync("/admin/supervision/freshness", Form(form, ("days:03.04", "7")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((before.Settings + 1, before.Ledger + 1), await CountsAsync());
        Assert.Contains("name=\"days:03.04\" value=\"7\"", await office.GetStringAsync("/admin/supervision/freshness"));

        var leader = await Staff.SignedInAsync(fixture.Site, "leader");
        var readOnly = await leader.GetStringAsync("/admin/supervision/freshness");
        Assert.DoesNotContain("name=\"days:03.04\"", readOnly);
        var forbidden = await leader.PostAsync("/admin/supervision/freshness", Form(form, ("days:03.04", "30")));
        Assert.NotEqual("/admin/supervision/freshness", forbidden.Headers.Location?.OriginalString);
        Assert.Equal((before.Settings + 1, before.Ledger + 1), await CountsAsync());

        // Put the demo's rule back for the other tests of this site.
        using var scope = fixture.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        await db.SiteSettings.Where(s => s.Name == FreshnessRules.SettingPrefix + "03.04").ExecuteDeleteAsync();
    }

    [Fact]
    public async Task The_board_lists_its_agencys_dead_links_and_kept_reports_and_another_agencys_report_is_not_found()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        const string own = "150627-103", other = "640121-103";
        long ownId, otherId;
        string item;
        using (var scope = fixture.Site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            item = await db.ContentVersions.Where(v => v.Status == Core.ContentManagement.ContentStatus.Published && v.AgencyCode == own)
                .Select(v => v.Item.ContentItemId).OrderBy(i => i).FirstAsync();
            db.Set<BrokenLink>().Add(new BrokenLink
            {
                ContentItemId = item, AgencyCode = own, DepartmentCode = null, Url = "http://127.0.0.1:9/gone", UrlHash = new string('a', 64),
                Kind = LinkKind.External, Reason = "无法连接", FirstSeenUtc = DateTime.UtcNow, LastCheckedUtc = DateTime.UtcNow,
            });
            var ownReport = Kept(own, "伊金霍洛旗公安局政务公开督查督办月报（2026年10月）", [1, 2, 3]);
            var otherReport = Kept(other, "永宁县公安局政务公开督查督办月报（2026年10月）", [4, 5, 6]);
            db.AddRange(ownReport, otherReport);
            await db.SaveChangesAsync();
            (ownId, otherId) = (ownReport.Id, otherReport.Id);
        }

        try
        {
            var client = await Staff.SignedInAsync(fixture.Site, "office-yj");
            var page = await TextAsync(await client.GetAsync("/admin/supervision"));
            Assert.Contains("aria-label=\"未指定部门 死链 1 个\"", page);
            Assert.Contains("伊金霍洛旗公安局政务公开督查督办月报（2026年10月）", page);
            Assert.DoesNotContain("永宁县公安局政务公开督查督办月报", page);
            Assert.Contains("每月 25 日起为每个机构生成当月督查督办月报", page);

            var file = await client.GetAsync($"/admin/supervision?handler=kept&id={ownId}&format=docx");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal([1, 2, 3], await file.Content.ReadAsByteArrayAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/supervision?handler=kept&id={otherId}&format=docx")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/admin/supervision?handler=kept&id={ownId}&format=pdf")).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await (await Staff.SignedInAsync(fixture.Site, "editor")).GetAsync($"/admin/supervision?handler=kept&id={ownId}&format=docx")).StatusCode);
        }
        finally
        {
            using var scope = fixture.Site.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            await db.Set<BrokenLink>().Where(l => l.ContentItemId == item).ExecuteDeleteAsync();
            await db.Set<MonthReportRecord>().Where(r => r.Id == ownId || r.Id == otherId).ExecuteDeleteAsync();
        }
    }

    private static MonthReportRecord Kept(string agency, string title, byte[] docx) => new()
    {
        AgencyCode = agency, Month = "2026-10", Title = title, MadeOn = new DateOnly(2026, 10, 25), MadeUtc = DateTime.UtcNow,
        Overdue = 2, Docx = docx, Xlsx = docx,
    };

    /// <summary>A 公开办 of the installation itself (no agency), as the staff set up before agencies were a tree.</summary>
    private async Task<string> InstallationOfficeAsync()
    {
        const string name = "office-all";
        using var scope = fixture.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DisclosureUser>>();
        if (await users.FindByNameAsync(name) is null)
        {
            var user = new DisclosureUser { UserName = name, DisplayName = "全站公开办" };
            Assert.True((await users.CreateAsync(user, Staff.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, RoleNames.InformationOffice)).Succeeded);
        }

        return name;
    }

    private async Task<(int Settings, int Ledger)> CountsAsync()
    {
        using var scope = fixture.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        return (await db.SiteSettings.CountAsync(s => s.Name.StartsWith(FreshnessRules.SettingPrefix)),
            await db.Ledger.CountAsync(e => e.Action == FreshnessRules.LedgerAction));
    }
}

/// <summary>The board in a real browser: the office follows a figure to the items behind it.</summary>
[Collection(BrowserGroup.Name)]
public sealed class SupervisionBoardInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_office_opens_the_overdue_applications_from_the_board()
    {
        var page = await browser.SignInAsync("office");
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "督查督办", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("督查督办");
        var requests = page.Locator("section", new() { Has = page.Locator("#clock-requests") });
        await Assertions.Expect(requests.GetByRole(AriaRole.Table)).ToBeVisibleAsync();

        // The total of 已超期 applications, followed to its list: as many rows as the figure said.
        var total = requests.Locator("tfoot a[aria-label^='合计 已超期']");
        var figure = int.Parse(await total.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(figure > 0, "the demo has overdue applications");
        await total.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("依申请公开答复：已超期");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(figure);
        await Assertions.Expect(page.Locator("tbody tr").First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/admin/requests/"));
    }
}
