using System.Net;
using Disclosure.Requests.Data;
using Disclosure.Requests.Services;
using Disclosure.Storage;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.Requests.RequestTestSupport;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Requests;

/// <summary>The office's 依申请公开 pages: who may use them, their forms, the recorded views of personal data, the letter.</summary>
[Collection(RequestSiteGroup.Name)]
public sealed class OfficeRequestTests(RequestSiteFixture fixture)
{
    public static TheoryData<string> OthersThanTheOffice => new() { "editor", "head", "secrecy", "leader", "norole", "admin" };

    [Theory]
    [MemberData(nameof(OthersThanTheOffice))]
    public async Task Every_page_and_action_refuses_anyone_without_the_office_role(string user)
    {
        var client = user == "admin" ? await AdminAsync() : await Staff.SignedInAsync(fixture.Site, user);
        foreach (var path in new[] { "/admin/requests", "/admin/requests/2025-0003", "/admin/requests/register", "/admin/requests/reminders",
                     "/admin/requests/statistics", "/admin/requests/2025-0012?handler=letter&document=1" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} {path}: {(int)response.StatusCode}");
            Assert.StartsWith(user == "norole" ? "/admin/" : "/admin/denied", response.Headers.Location!.PathAndQuery);
        }

        var token = Staff.Token(await client.GetStringAsync(user == "norole" ? "/admin/login" : "/admin"));
        foreach (var (path, fields) in new[]
                 {
                     ("/admin/requests/2025-0003?handler=applicant", Array.Empty<(string, string)>()),
                     ("/admin/requests/2026-0011?handler=close", new[] { ("outcome", "Disclosed"), ("closedOn", "2026-11-20"), ("replyText", "越权办结") }),
                     ("/admin/requests?handler=export", new[] { ("year", "2025") }),
                     ("/admin/requests/register", new[] { ("Channel", "Letter"), ("ReceivedOn", "2026-11-20") }),
                 })
        {
            var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", token)));
            var response = await client.PostAsync(path, content);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{user} POST {path}: {(int)response.StatusCode}");
            Assert.False(response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.PathAndQuery.StartsWith("/admin/denied", StringComparison.Ordinal) && !response.Headers.Location.PathAndQuery.StartsWith("/admin/login", StringComparison.Ordinal));
        }

        if (user != "norole")
        {
            Assert.DoesNotContain("/admin/requests", await client.GetStringAsync("/admin"));
        }

        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        Assert.False(await db.Ledger.AnyAsync(e => e.Actor == user && e.Action.StartsWith("request-")));
        Assert.Null(await db.Set<Disclosure.Requests.Data.InformationRequestRecord>().Where(r => r.Number == "2026-0011").Select(r => r.Outcome).SingleAsync());
    }

    [Fact]
    public async Task The_office_sees_the_list_and_the_dashboard_reminders_without_personal_data()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var dashboard = WebUtility.HtmlDecode(await office.GetStringAsync("/admin"));
        Assert.Contains("<a href=\"/admin/requests\">依申请公开</a>", dashboard);
        Assert.Contains("依申请公开催办", dashboard);
        Assert.Contains("2026-0016", dashboard); // received 2026-10-09, overdue since 2026-11-05

        var list = WebUtility.HtmlDecode(await office.GetStringAsync("/admin/requests"));
        Assert.Contains("2025-0017", list);
        Assert.Matches(@"已超期 \d+ 个工作日", list);

        // The state and the days overdue are said once, on the list, the dashboard and the reminders page.
        var reminders = WebUtility.HtmlDecode(await office.GetStringAsync("/admin/requests/reminders"));
        Assert.Matches(@"已超期 \d+ 个工作日", dashboard);
        foreach (var page in new[] { list, dashboard, reminders })
        {
            Assert.DoesNotContain("已超期，已超期", page);
            Assert.DoesNotMatch(@"（待补正），\s*<", page);
        }

        var detail = WebUtility.HtmlDecode(await office.GetStringAsync("/admin/requests/2025-0003"));
        Assert.Contains("不予公开：属于行政执法案卷", detail);
        foreach (var value in DemoPersonalData())
        {
            Assert.DoesNotContain(value, list);
            Assert.DoesNotContain(value, detail);
            Assert.DoesNotContain(value, dashboard);
        }

        var filtered = WebUtility.HtmlDecode(await office.GetStringAsync("/admin/requests?stage=AwaitingCorrection"));
        Assert.Contains("2026-0014", filtered);
        Assert.DoesNotContain("2026-0013", filtered);

        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        Assert.DoesNotContain("request-reminders", await editor.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task Viewing_the_applicant_is_recorded_in_the_ledger()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync("/admin/requests/2025-0004");
        Assert.DoesNotContain("宁夏明正律师事务所", page);
        var shown = WebUtility.HtmlDecode(await (await office.PostAsync("/admin/requests/2025-0004?handler=applicant", Form(page))).Content.ReadAsStringAsync());
        Assert.Contains("宁夏明正律师事务所", shown);
        Assert.Contains("本次查看已记入台账", shown);

        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger.OrderByDescending(e => e.Sequence)
            .FirstAsync(e => e.Action == RequestLedgerActions.ApplicantViewed);
        Assert.Equal(("office", "request:2025-0004"), (entry.Actor, entry.ContentItemId));
        Assert.DoesNotContain("宁夏明正律师事务所", entry.Detail);

        var ledgerPage = WebUtility.HtmlDecode(await office.GetStringAsync("/admin/ledger"));
        Assert.Contains("查看申请人信息", ledgerPage);
        Assert.Contains("<a href=\"/admin/requests/2025-0004\">申请 2025-0004</a>", ledgerPage);
    }

    [Fact]
    public async Task Registering_a_letter_refuses_bad_input_in_chinese_and_keeps_it()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync("/admin/requests/register");
        var refused = await office.PostAsync("/admin/requests/register", Form(page,
            ("Channel", "Letter"), ("ReceivedOn", "2026-02-30"), ("Input.Kind", "NaturalPerson"), ("Input.Name", "来信人"), ("Input.IdType", "ResidentIdCard"),
            ("Input.IdNumber", "640121196803140117"), ("Input.Phone", "0951-8011110"), ("Input.Address", "永宁县杨和镇"), ("Input.Description", "关于杨和镇治安巡防的文件"),
            ("Input.Form", "Paper"), ("Input.Delivery", "Post")));
        var html = await TextAsync(refused);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("居民身份证号码校验不通过", html);
        Assert.Contains("日期“2026-02-30”无效", html);
        Assert.Contains("value=\"来信人\"", html);
        Assert.Contains("关于杨和镇治安巡防的文件</textarea>", html);
        Assert.Contains("value=\"2026-02-30\"", html);

        var accepted = await office.PostAsync("/admin/requests/register", Form(page,
            ("Channel", "Letter"), ("ReceivedOn", "2026-11-20"), ("Input.Kind", "NaturalPerson"), ("Input.Name", "来信人"), ("Input.IdType", "ResidentIdCard"),
            ("Input.IdNumber", "640121196803140116"), ("Input.Phone", "0951-8011110"), ("Input.Address", "永宁县杨和镇"), ("Input.Description", "关于杨和镇治安巡防的文件"),
            ("Input.Form", "Paper"), ("Input.Delivery", "Post")));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var number = accepted.Headers.Location!.OriginalString["/admin/requests/".Length..];
        var detail = WebUtility.HtmlDecode(await office.GetStringAsync(accepted.Headers.Location.OriginalString));
        Assert.Contains("已登记申请", detail);
        Assert.Contains("信函", detail);
        Assert.Contains("2026-11-20", detail);
        Assert.Matches(@"^2026-\d{4}$", number);
    }

    [Fact]
    public async Task A_refused_action_explains_why_and_keeps_what_was_typed()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync("/admin/requests/2026-0015");
        var response = await office.PostAsync("/admin/requests/2026-0015?handler=extend", Form(page,
            ("days", "25"), ("reason", "涉及多个部门，需要协调"), ("approvedBy", "周明"), ("decidedOn", "2026-11-20")));
        var html = await TextAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("未完成：延长的期限应为 1 到 20 个工作日。", html);
        Assert.Contains("涉及多个部门，需要协调</textarea>", html);
        Assert.Contains("value=\"25\"", html);
    }

    [Fact]
    public async Task Closing_stores_a_reply_letter_the_office_can_download()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync("/admin/requests/2026-0013");
        var closed = await office.PostAsync("/admin/requests/2026-0013?handler=close", Form(page,
            ("outcome", "PartiallyDisclosed"), ("closedOn", "2026-11-20"), ("replyText", "经审查，上牌点设置文件中涉及个人信息的部分已作区分处理，其余部分予以公开。")));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var detail = WebUtility.HtmlDecode(await office.GetStringAsync("/admin/requests/2026-0013"));
        Assert.Contains("部分公开（2026-11-20 答复）", detail);
        var link = System.Text.RegularExpressions.Regex.Match(detail, "href=\"(/admin/requests/2026-0013\\?handler=letter&document=\\d+)\"").Groups[1].Value;

        var download = await office.GetAsync(link);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("政府信息公开申请答复告知书", text);
        Assert.Contains("沙红霞：", text);
        Assert.Contains("办理结果：部分公开。", text);
        Assert.Contains("2026年11月20日", text);
        Assert.Contains("永宁县人民政府申请行政复议", text);
        Assert.DoesNotContain("{{", text);

        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger
            .Where(e => e.ContentItemId == "request:2026-0013").Select(e => e.Action).ToListAsync();
        Assert.Contains(RequestLedgerActions.Closed, actions);
        Assert.Contains(RequestLedgerActions.LetterDownloaded, actions);
    }

    [Fact]
    public async Task The_statistics_page_shows_table_three_and_four_and_the_export_carries_the_register()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var stats = WebUtility.HtmlDecode(await office.GetStringAsync("/admin/requests/statistics?year=2025"));
        Assert.Contains("勾稽关系校验通过", stats);
        Assert.Contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", stats);
        Assert.Contains("3.危及“三安全一稳定”", stats);
        Assert.Matches(@"一、本年新收政府信息公开申请数量</th>\s*<td class=""number"">10</td>\s*<td class=""number"">3</td>\s*<td class=""number"">1</td>\s*<td class=""number"">1</td>\s*<td class=""number"">1</td>\s*<td class=""number"">1</td>\s*<td class=""number"">17</td>", stats);
        // The office's user sees its own agency's applications (永宁 17; 伊金霍洛旗's three are not in them).
        Assert.Contains("统计范围：永宁县公安局本机关受理的申请（不含下级机构）", stats);
        Assert.DoesNotContain("id=\"stat-agency\"", stats);

        // An installation-level 公开办 user (no agency) sees every agency together, or one it picks.
        using (var users = fixture.Site.Services.CreateScope())
        {
            var manager = users.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Disclosure.Storage.Identity.DisclosureUser>>();
            if (await manager.FindByNameAsync("install-office") is null)
            {
                var user = new Disclosure.Storage.Identity.DisclosureUser { UserName = "install-office", DisplayName = "全系统公开办" };
                Assert.True((await manager.CreateAsync(user, Staff.Password)).Succeeded);
                Assert.True((await manager.AddToRoleAsync(user, Disclosure.Core.Security.RoleNames.InformationOffice)).Succeeded);
            }
        }

        var admin = await Staff.SignedInAsync(fixture.Site, "install-office");
        var all = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/requests/statistics?year=2025"));
        Assert.Contains("统计范围：本系统全部机构受理的申请合计", all);
        Assert.Matches(@"一、本年新收政府信息公开申请数量</th>\s*<td class=""number"">12</td>\s*<td class=""number"">4</td>(\s*<td class=""number"">1</td>){4}\s*<td class=""number"">20</td>", all);
        var banner = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/requests/statistics?year=2025&agency=150627-103"));
        Assert.Matches(@"一、本年新收政府信息公开申请数量</th>\s*<td class=""number"">2</td>\s*<td class=""number"">1</td>(\s*<td class=""number"">0</td>){4}\s*<td class=""number"">3</td>", banner);

        var page = await office.GetStringAsync("/admin/requests");
        var export = await office.PostAsync("/admin/requests?handler=export", Form(page, ("year", "2025")));
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var csv = System.Text.Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        Assert.Contains("马建国", csv);
        Assert.Equal(18, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger.AnyAsync(e => e.Action == RequestLedgerActions.RegisterExported && e.Actor == "office"));
    }

    private async Task<HttpClient> AdminAsync()
    {
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", Form(login, ("UserName", "admin"), ("Password", "Test-Admin-2026!")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
