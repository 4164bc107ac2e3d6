using System.Net;
using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Models;
using Disclosure.AnnualReports.Services;
using Disclosure.Contents.Review;
using Disclosure.Contents.Review.Models;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.AnnualReports;

/// <summary>The demo site with a clock the tests move, for the annual report pages and the dashboard reminder.</summary>
public sealed class AnnualReportSiteFixture : IAsyncLifetime
{
    private DisclosureSite? _site;

    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8)));

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = _site = await DisclosureSite.DemoAsync(clock: Clock);
        _ = Site.Server;
        await Staff.EnsureAsync(Site.Services);
    }

    public async Task<T> ScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Site.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }
    }
}

/// <summary>
/// /admin/annual-reports over HTTP on the real host: roles, antiforgery, creating and editing a draft with zh-CN
/// messages, the DOCX download, submission into the review chain and publication into the 年度报告 class, and the
/// dashboard reminder from 1 December until the report is published.
/// </summary>
public sealed class AnnualReportAdminTests(AnnualReportSiteFixture fixture) : IClassFixture<AnnualReportSiteFixture>
{
    [Theory]
    [InlineData("editor")]
    [InlineData("head")]
    [InlineData("secrecy")]
    [InlineData("leader")]
    [InlineData("norole")]
    public async Task Only_the_office_and_administrators_may_open_or_post_the_report_pages(string user)
    {
        var client = await Staff.SignedInAsync(fixture.Site, user);
        foreach (var url in new[] { "/admin/annual-reports", "/admin/annual-reports/1", "/admin/annual-reports/1?handler=Docx" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery);
        }

        if (user != "norole")
        {
            Assert.DoesNotContain("href=\"/admin/annual-reports\"", await client.GetStringAsync("/admin"));
        }

        // A post with a valid antiforgery token of this user is refused by the role, not by the token.
        var post = await client.PostAsync("/admin/annual-reports?handler=Create", Form(await client.GetStringAsync("/admin/login"), ("Year", "2024"), ("AgencyCode", "640121-103")));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/admin/denied", post.Headers.Location!.PathAndQuery);
        Assert.False(await fixture.ScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<AnnualReportRecord>().AnyAsync(r => r.Year == 2024)));
    }

    [Fact]
    public async Task The_administrator_may_open_the_pages()
    {
        var client = fixture.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/admin/login");
        var signedIn = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = "Test-Admin-2026!", ["__RequestVerificationToken"] = Staff.Token(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var list = await client.GetAsync("/admin/annual-reports");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("编制新的年度报告", await TextAsync(list));
    }

    [Fact]
    public async Task The_office_creates_edits_downloads_and_submits_a_report_which_is_published_into_the_annual_report_class()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var list = await office.GetStringAsync("/admin/annual-reports");
        Assert.Contains("<a href=\"/admin/annual-reports\">年度报告</a>", list);

        // The generic content editor does not take an annual report: its figures are never typed in by hand.
        var byHand = await office.GetAsync("/admin/content/new?type=AnnualReport");
        Assert.Equal((HttpStatusCode.Redirect, "/admin/annual-reports"), (byHand.StatusCode, byHand.Headers.Location!.OriginalString));

        // Mistakes are answered in zh-CN and nothing is created.
        var bad = await office.PostAsync("/admin/annual-reports?handler=Create", Form(list, ("Year", "二〇二五"), ("AgencyCode", "nobody")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badText = await TextAsync(bad);
        Assert.Contains("请填写报告年度（2000—2100 之间的四位年份）。", badText);
        Assert.Contains("请选择编制报告的机构。", badText);
        var old = await office.PostAsync("/admin/annual-reports?handler=Create", Form(list, ("Year", "2019"), ("AgencyCode", "640121-103")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, old.StatusCode);
        Assert.Contains("2019年度报告适用2019年试行格式", await TextAsync(old));

        // Without the antiforgery token a post is refused.
        var forged = await office.PostAsync("/admin/annual-reports?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["Year"] = "2025", ["AgencyCode"] = "640121-103" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var created = await office.PostAsync("/admin/annual-reports?handler=Create", Form(list, ("Year", "2025"), ("AgencyCode", "640121-103")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var page = WebUtility.HtmlDecode(await office.GetStringAsync(url));
        Assert.Contains("永宁县公安局2025年政府信息公开工作年度报告", page);
        Assert.Contains("（一）主动公开。全年通过政府信息公开平台主动公开政府信息", page);
        Assert.Contains("表二“行政强制”本年处理决定数量尚未填报", page);

        // No 2024 report is published: the carry-over is not claimed as checked, and the notice is a warning, not green.
        Assert.Matches(@"class=""validation-summary warning"" id=""check-notices""><ul>(?:(?!</ul>).)*未找到已发布的2024年度报告", page);
        Assert.DoesNotContain("上年结转与上年度报告一致", page);
        Assert.Contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", page);

        // A hand-entered count must be a whole number; a good one is saved and marked as entered by hand.
        var wrong = await office.PostAsync(url + "?handler=Save", Form(page, ("Stamp", Stamp(page)), ("Overview", "总体情况。"), ("Enforcement", "三件"), ("Problems", ""), ("Other", "")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("“行政强制”本年处理决定数量应为非负整数。", await TextAsync(wrong));
        var empty = await office.PostAsync(url + "?handler=Save", Form(page, ("Stamp", Stamp(page)), ("Overview", "  "), ("Enforcement", ""), ("Problems", ""), ("Other", "")));
        Assert.Contains("“一、总体情况”不能为空。", await TextAsync(empty));

        var saved = await office.PostAsync(url + "?handler=Save", Form(page,
            ("Stamp", Stamp(page)), ("Overview", "2025年，我局扎实推进政府信息公开工作。\n（一）主动公开。全年主动公开政府信息。"), ("Enforcement", "3"),
            ("Problems", "一是政策解读形式较为单一。"), ("Other", "本年度未收取信息处理费。")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = WebUtility.HtmlDecode(await office.GetStringAsync(url));
        Assert.Contains("3（人工填报）", page);
        Assert.Contains("本年度未收取信息处理费。", page);

        // A second save from the page as it was before is refused: someone else changed the report.
        var stale = await office.PostAsync(url + "?handler=Save", Form(page, ("Stamp", "stale"), ("Overview", "x"), ("Enforcement", ""), ("Problems", ""), ("Other", "")));
        Assert.Contains("该年度报告已被他人修改，请刷新页面后重试。", await TextAsync(stale));

        // 重新统计 with nothing changed: no count moved.
        var refreshed = await office.PostAsync(url + "?handler=Refresh", Form(page, ("Stamp", Stamp(page))));
        Assert.Equal(HttpStatusCode.Redirect, refreshed.StatusCode);
        page = WebUtility.HtmlDecode(await office.GetStringAsync(url));
        Assert.Contains("上次重新统计时各项数据均无变化。", page);

        var docx = await office.GetAsync(url + "?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Equal(3, document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count());
        }

        // 上报: the report becomes an AnnualReport item in review, with the DOCX attached.
        var submitted = await office.PostAsync(url + "?handler=Submit", Form(page, ("Stamp", Stamp(page)), ("Acknowledge", "true")));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var itemId = submitted.Headers.Location!.OriginalString["/admin/content/".Length..];
        page = WebUtility.HtmlDecode(await office.GetStringAsync(url));
        Assert.Contains("审核中", page);
        Assert.DoesNotContain("handler=Save", page);

        // Reviewed and published like any disclosure: it is listed under 年度报告 and its page is the HTML rendering.
        await fixture.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var review = await db.Set<ReviewRecord>().Where(r => r.Item.ContentItemId == itemId).SingleAsync();
            var workflow = sp.GetRequiredService<WorkflowService>();
            await workflow.ApproveAsync(review.Id, new Actor("head-x", new HashSet<string> { RoleNames.DepartmentReviewer }), "同意");
            await workflow.ApproveAsync(review.Id, new Actor("secrecy", new HashSet<string> { RoleNames.SecrecyOfficer }), "未发现涉密内容");
            await workflow.ApproveAsync(review.Id, new Actor("leader", new HashSet<string> { RoleNames.Leader }), "同意发布");
            await workflow.PublishAsync(itemId, new Actor("office", new HashSet<string> { RoleNames.InformationOffice }));
            return true;
        });
        var catalogue = WebUtility.HtmlDecode(await fixture.Site.CreateClient().GetStringAsync("/catalogue/09"));
        Assert.Contains("永宁县公安局2025年政府信息公开工作年度报告", catalogue);
        var item = WebUtility.HtmlDecode(await fixture.Site.CreateClient().GetStringAsync($"/content/{itemId}"));
        Assert.Contains("三、收到和处理政府信息公开申请情况", item);
        Assert.Contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", item);
        Assert.Contains("永宁县公安局2025年政府信息公开工作年度报告.docx", item);
        Assert.Contains("class=\"item-block annual-report\"", item);
        Assert.Contains("rowspan=\"22\"", item); // the official grid survives sanitising: 三、本年度办理结果 over its 22 rows
        Assert.Contains("3（人工填报）", item);
        Assert.DoesNotContain("<script", item[item.IndexOf("一、总体情况", StringComparison.Ordinal)..], StringComparison.OrdinalIgnoreCase);
        page = WebUtility.HtmlDecode(await office.GetStringAsync(url));
        Assert.Contains("已发布", page);
    }

    [Fact]
    public async Task The_dashboard_reminds_from_1_December_until_the_report_on_the_year_is_published()
    {
        var original = fixture.Clock.Now;
        try
        {
            // 30 November 2027: the report on 2027 is not due yet, and the 2026 report is already published (below).
            await PublishReportAsync(2026);
            fixture.Clock.Now = new DateTimeOffset(2027, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));
            Assert.DoesNotContain("annual-report-reminder", await DashboardAsync("office"));

            fixture.Clock.Now = new DateTimeOffset(2027, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));
            var december = WebUtility.HtmlDecode(await DashboardAsync("office"));
            Assert.Contains("2027年政府信息公开工作年度报告应于2028年1月31日前公布，尚未发布。", december);

            fixture.Clock.Now = new DateTimeOffset(2028, 1, 20, 10, 0, 0, TimeSpan.FromHours(8));
            Assert.Contains("2027年政府信息公开工作年度报告应于2028年1月31日前公布，尚未发布。", WebUtility.HtmlDecode(await DashboardAsync("office")));

            fixture.Clock.Now = new DateTimeOffset(2028, 2, 3, 10, 0, 0, TimeSpan.FromHours(8));
            Assert.Contains("2027年政府信息公开工作年度报告应于2028年1月31日前公布，现已逾期，尚未发布。", WebUtility.HtmlDecode(await DashboardAsync("office")));

            // Editors do not compile the report and are not reminded.
            Assert.DoesNotContain("annual-report-reminder", await DashboardAsync("editor"));

            var latest = await PublishReportAsync(2027);
            Assert.DoesNotContain("annual-report-reminder", await DashboardAsync("office"));

            // Earlier years stay listed: under 年度报告 and on each report's page.
            var page = WebUtility.HtmlDecode(await fixture.Site.CreateClient().GetStringAsync($"/content/{latest}"));
            Assert.Contains("往年年度报告", page);
            Assert.Contains("永宁县公安局2026年政府信息公开工作年度报告", page);
            var catalogue = WebUtility.HtmlDecode(await fixture.Site.CreateClient().GetStringAsync("/catalogue/09"));
            Assert.Contains("永宁县公安局2026年政府信息公开工作年度报告", catalogue);
            Assert.Contains("永宁县公安局2027年政府信息公开工作年度报告", catalogue);
        }
        finally
        {
            fixture.Clock.Now = original;
        }
    }

    /// <summary>Drafts, submits, reviews and publishes the report on a year through the services (the clock decides what "today" is).</summary>
    private Task<string> PublishReportAsync(int year) => fixture.ScopeAsync(async sp =>
    {
        var reports = sp.GetRequiredService<AnnualReportService>();
        var saved = fixture.Clock.Now;
        fixture.Clock.Now = new DateTimeOffset(year + 1, 1, 10, 10, 0, 0, TimeSpan.FromHours(8));
        try
        {
            // The office's own agency: the dashboard reminds each agency of its own report.
            var report = await reports.CreateDraftAsync("640121-103", year, "office");
            var submitted = await reports.SubmitAsync(report.Id, report.ConcurrencyStamp, null, true, new Actor("office", new HashSet<string> { RoleNames.InformationOffice }));
            var workflow = sp.GetRequiredService<WorkflowService>();
            await workflow.ApproveAsync(submitted.ReviewId, new Actor("head-y", new HashSet<string> { RoleNames.DepartmentReviewer }), null);
            await workflow.ApproveAsync(submitted.ReviewId, new Actor("secrecy", new HashSet<string> { RoleNames.SecrecyOfficer }), null);
            await workflow.ApproveAsync(submitted.ReviewId, new Actor("leader", new HashSet<string> { RoleNames.Leader }), null);
            await workflow.PublishAsync(submitted.ContentItemId, new Actor("office", new HashSet<string> { RoleNames.InformationOffice }));
            Assert.True(await reports.IsPublishedAsync("640121-103", year));
            return submitted.ContentItemId;
        }
        finally
        {
            fixture.Clock.Now = saved;
        }
    });

    /// <summary>The dashboard as a user sees it now (signed in afresh: a jump of the clock expires the sign-in cookie).</summary>
    private async Task<string> DashboardAsync(string user) =>
        await (await Staff.SignedInAsync(fixture.Site, user)).GetStringAsync("/admin");

    private static string Stamp(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"Stamp\" value=\"([^\"]+)\"").Groups[1].Value;
}
