using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Disclosure.Accounts;
using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.Accounts.Accounts;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Accounts;

/// <summary>The 台账 as a person reads it: zh-CN actions, 姓名 and department, titles with links that open, filters.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed partial class LedgerPageTests(SiteFixture fixture)
{
    private const string AuditorPassword = "Auditor-Pass-2026!";

    [Fact]
    public async Task The_ledger_page_shows_no_action_code_names_people_and_every_link_opens()
    {
        var auditor = await AuditorAsync();
        // An annual report: its entries used to link to /admin/content/annual-report:… which does not exist.
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var reports = await office.GetStringAsync("/admin/annual-reports");
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync("/admin/annual-reports?handler=Create", Form(reports, ("Year", "2025"), ("AgencyCode", "640121-103")))).StatusCode);

        using var scope = fixture.Site.Services.CreateScope();
        var codes = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger.Select(e => e.Action).Distinct().ToListAsync();
        Assert.Contains(AccountLedgerActions.Created, codes);
        Assert.Contains("annual-report-created", codes);

        var links = new HashSet<string>();
        var pages = 0;
        for (var page = 1; ; page++)
        {
            var html = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/ledger?page={page}"));
            foreach (var code in codes)
            {
                Assert.DoesNotContain(code, html);
            }

            foreach (Match link in LinkRegex().Matches(html))
            {
                links.Add(link.Groups[1].Value);
            }

            pages++;
            if (!html.Contains("下一页", StringComparison.Ordinal) || pages == 20)
            {
                break;
            }
        }

        var first = WebUtility.HtmlDecode(await auditor.GetStringAsync("/admin/ledger"));
        Assert.Contains("编制年度报告", first);
        Assert.Contains("永宁县公安局 2025 年政府信息公开工作年度报告", first);
        Assert.Contains("周公开", first);
        Assert.Contains("title=\"登录名：office\"", first);
        Assert.Contains(links, l => l.StartsWith("/admin/annual-reports/", StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.Contains("annual-report:", StringComparison.Ordinal));
        foreach (var link in links.Where(l => !l.StartsWith("/admin/ledger", StringComparison.Ordinal)))
        {
            var response = await auditor.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Filters_select_by_person_action_and_date_and_the_export_follows_them()
    {
        var auditor = await AuditorAsync();
        using (var scope = fixture.Site.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            await accounts.CreateAsync("auditor", "filtered-user", Staff.Password, new AccountDetails("钱过滤", null, null, [RoleNames.Editor]));
            await accounts.ResetPasswordAsync("auditor", "filtered-user");
        }

        var today = Disclosure.Core.Time.ChinaTime.ToDate(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var byPerson = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/ledger?person=auditor&from={today}&to={today}"));
        Assert.Contains("筛选结果（共 2 条）", byPerson);
        Assert.Contains("用户 钱过滤", byPerson);

        var byAction = WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/ledger?person=auditor&action={Uri.EscapeDataString("重置密码")}"));
        Assert.Contains("筛选结果（共 1 条）", byAction);
        Assert.Contains("管理员重置密码", byAction);
        Assert.DoesNotContain("新建用户</td>", byAction);

        var yesterday = Disclosure.Core.Time.ChinaTime.ToDate(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("筛选结果（共 0 条）", WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/ledger?person=auditor&to={yesterday}")));

        var bad = WebUtility.HtmlDecode(await auditor.GetStringAsync("/admin/ledger?from=2026-13-01"));
        Assert.Contains("起始日期“2026-13-01”不是有效日期", bad);
        Assert.Contains("起始日期晚于截止日期", WebUtility.HtmlDecode(await auditor.GetStringAsync($"/admin/ledger?from={today}&to={yesterday}")));

        // The export holds the same entries, with the same names as the page.
        var csv = await auditor.GetStringAsync($"/admin/ledger?person=auditor&action={Uri.EscapeDataString("重置密码")}&handler=export&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("\uFEFF序号,时间（北京时间）,操作人,部门,操作,对象", lines[0]);
        Assert.Contains(",审计员,", lines[1]);
        Assert.Contains(",重置密码,用户 钱过滤,", lines[1]);
        Assert.DoesNotContain(AccountLedgerActions.PasswordReset, csv);
    }

    [Fact]
    public void Every_known_action_has_a_zh_CN_name()
    {
        var actionClasses = new[] { typeof(LedgerActions), typeof(Disclosure.Requests.Services.RequestLedgerActions), typeof(Disclosure.Credit.Services.CreditLedgerActions), typeof(Disclosure.Contents.Review.ReviewLedgerActions), typeof(AccountLedgerActions) };
        var codes = actionClasses
            .SelectMany(t => t.GetFields().Where(f => f.IsLiteral && f.FieldType == typeof(string) && !f.Name.Contains("Prefix")))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(typeof(Disclosure.AnnualReports.Services.AnnualReportService).GetFields().Where(f => f.IsLiteral && f.Name.EndsWith("Action", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!))
            .ToList();
        Assert.True(codes.Count > 40, $"only {codes.Count} action codes found");
        var names = fixture.Site.Services.GetRequiredService<LedgerActionNames>();
        Assert.All(codes, code =>
        {
            var name = names.DisplayName(code);
            Assert.NotEqual("其他操作", name);
            Assert.Matches("\\p{IsCJKUnifiedIdeographs}", name);
        });
    }

    /// <summary>An account that may read the 台账 and open every page it links to (公开办 and 管理员 at once).</summary>
    private async Task<HttpClient> AuditorAsync()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        using (var scope = fixture.Site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<DisclosureUser>>();
            if (await users.FindByNameAsync("auditor") is null)
            {
                await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync("admin", "auditor", AuditorPassword,
                    new AccountDetails("审计员", null, null, [RoleNames.InformationOffice, RoleNames.Administrator]), mustChangePassword: false);
            }
        }

        return await SignedInAsync(fixture.Site, "auditor", AuditorPassword);
    }

    [GeneratedRegex("<a href=\"(/admin/[^\"]+)\"")]
    private static partial Regex LinkRegex();
}
