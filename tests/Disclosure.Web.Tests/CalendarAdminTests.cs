using System.Net;
using System.Text;
using Disclosure.Storage;
using Disclosure.Storage.Calendar;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests;

/// <summary>
/// The site with its clock stopped at 2026-11-02 09:30 Beijing time — after 1 November, with no 2027 data
/// shipped — and only the setup recipe applied.
/// </summary>
public sealed class CalendarSiteFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly DisclosureSite _site = new(null, DisclosureSite.SetupOnly());

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = _site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new TestClock(Now))));
        _ = Site.Server; // starts the host, which runs setup
        await Staff.EnsureAsync(Site.Services);
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();
}

/// <summary>The 工作日历 admin page: who may use it, its forms, and that an edit moves a deadline.</summary>
public sealed class CalendarAdminTests(CalendarSiteFixture fixture) : IClassFixture<CalendarSiteFixture>
{
    [Theory]
    [InlineData("editor")]
    [InlineData("head")]
    [InlineData("secrecy")]
    [InlineData("leader")]
    public async Task Only_the_office_and_administrators_may_open_it(string user)
    {
        var client = await Staff.SignedInAsync(fixture.Site, user);
        var response = await client.GetAsync("/admin/calendar");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("/admin/calendar", await client.GetStringAsync("/admin"));

        var office = await Staff.SignedInAsync(fixture.Site, "office");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/admin/calendar")).StatusCode);
        Assert.Contains("<a href=\"/admin/calendar\">工作日历</a>", await office.GetStringAsync("/admin"));
        var admin = await SignedInAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/calendar?year=2025")).StatusCode);
    }

    [Fact]
    public async Task An_editor_cannot_post_to_it_either()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync("/admin/calendar?year=2026");
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var editorPage = await editor.GetStringAsync("/admin/content");
        var response = await editor.PostAsync("/admin/calendar?handler=add", Form(editorPage,
            ("Day.Year", "2026"), ("Day.Date", "2026-03-02"), ("Day.Kind", "Holiday"), ("Day.Name", "信息员放假")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery);
        Assert.False(await DayExistsAsync(new DateOnly(2026, 3, 2)));
        Assert.Contains("2026 年", page);
    }

    [Theory]
    [InlineData("2026-02-30", "Holiday", "日期“2026-02-30”无效，请按 YYYY-MM-DD 填写")]
    [InlineData("2027-01-01", "Holiday", "日期 2027-01-01 不在 2026 年内。")]
    [InlineData("2026-03-04", "AdjustedWorkingDay", "2026-03-04 是星期三，本来就是工作日；调休上班日只能是星期六或星期日。")]
    [InlineData("2026-10-01", "Holiday", "2026-10-01 已列为放假日（国庆节），不能重复添加。")]
    [InlineData("2026-10-10", "Holiday", "2026-10-10 已列为调休上班日（国庆节），同一天不能既放假又调休上班。")]
    public async Task A_refused_day_is_explained_and_the_input_kept(string date, string kind, string message)
    {
        var client = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await client.GetStringAsync("/admin/calendar?year=2026");
        var response = await client.PostAsync("/admin/calendar?handler=add", Form(page,
            ("Day.Year", "2026"), ("Day.Date", date), ("Day.Kind", kind), ("Day.Name", "测试节日"), ("Day.Source", "测试依据〔2026〕1号")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("未添加", html);
        Assert.Contains(message, html);
        Assert.Contains($"value=\"{date}\"", html);
        Assert.Contains("value=\"测试节日\"", html);
        Assert.Contains("value=\"测试依据〔2026〕1号\"", html);
        Assert.Contains($"value=\"{kind}\" selected", html);
        using var scope = fixture.Site.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().CalendarDays.AnyAsync(d => d.Name == "测试节日"));
    }

    [Fact]
    public async Task Adding_a_day_off_moves_the_deadline_and_removing_it_moves_it_back()
    {
        var client = await Staff.SignedInAsync(fixture.Site, "office");
        const string trial = "/admin/calendar?year=2026&from=2026-09-30&days=3";
        // Thu 10-08, Fri 10-09, Sat 10-10 worked.
        Assert.Contains("第 3 个工作日：<strong>2026-10-10（星期六）</strong>", await client.GetStringAsync(trial));

        var page = await client.GetStringAsync("/admin/calendar?year=2026");
        var added = await client.PostAsync("/admin/calendar?handler=add", Form(page,
            ("Day.Year", "2026"), ("Day.Date", "2026-10-08"), ("Day.Kind", "Holiday"), ("Day.Name", "国庆节"), ("Day.Source", "县政府办公室通知")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/admin/calendar?year=2026", added.Headers.Location!.OriginalString);

        // Fri 10-09, Sat 10-10, Mon 10-12.
        var after = await client.GetStringAsync(trial);
        Assert.Contains("已添加：2026-10-08 放假（国庆节）", after);
        Assert.Contains("第 3 个工作日：<strong>2026-10-12（星期一）</strong>", after);
        Assert.Contains("县政府办公室通知", after);

        var removed = await client.PostAsync("/admin/calendar?handler=remove&date=2026-10-08", Form(after));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var back = await client.GetStringAsync(trial);
        Assert.Contains("已删除 2026-10-08，该日恢复为普通工作日。", back);
        Assert.Contains("第 3 个工作日：<strong>2026-10-10（星期六）</strong>", back);
        Assert.False(await DayExistsAsync(new DateOnly(2026, 10, 8)));
    }

    [Fact]
    public async Task The_dashboard_warns_about_next_year_until_it_is_imported()
    {
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        Assert.DoesNotContain("calendar-warning", await editor.GetStringAsync("/admin"));

        var client = await Staff.SignedInAsync(fixture.Site, "office");
        var dashboard = await client.GetStringAsync("/admin");
        Assert.Contains("工作日历中还没有 2027 年的节假日安排", dashboard);
        Assert.Contains("href=\"/admin/calendar?year=2027#import\"", dashboard);

        // A deadline running into 2027 skips the computed 元旦 and is marked as an estimate.
        var estimate = await client.GetStringAsync("/admin/calendar?year=2026&from=2026-12-31&days=1");
        Assert.Contains("第 1 个工作日：<strong>2027-01-04（星期一）</strong>（预计）", estimate);
        Assert.Contains("2027 年的节假日安排尚未录入", estimate);

        // The notice pasted with a mistake: refused, and everything typed is still there.
        var page = await client.GetStringAsync("/admin/calendar?year=2027");
        Assert.Contains("尚未录入 2027 年的节假日安排", page);
        Assert.Contains("推算的法定节假日（13 天", page);
        Assert.Contains("title=\"春节 放假（推算）\"", page);
        const string wrong = "2027-01-01 放假 元旦\n2027-02-05 至 2027-02-11 放假 春节\n2027-02-15 上班 春节";
        var refused = await client.PostAsync("/admin/calendar?handler=import", Form(page,
            ("Import.Year", "2027"), ("Import.Source", "国办发明电〔2026〕5号"), ("Import.Lines", wrong)));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("第 3 行：2027-02-15 是星期一，本来就是工作日；调休上班日只能是星期六或星期日。", html);
        Assert.Contains(wrong, html);
        Assert.Contains("value=\"国办发明电〔2026〕5号\"", html);
        Assert.Contains("工作日历中还没有 2027 年", await client.GetStringAsync("/admin"));

        var imported = await client.PostAsync("/admin/calendar?handler=import", Form(page,
            ("Import.Year", "2027"), ("Import.Source", "国办发明电〔2026〕5号"), ("Import.Lines", wrong.Replace("2027-02-15", "2027-02-14"))));
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var year = await client.GetStringAsync("/admin/calendar?year=2027&from=2026-12-31&days=1");
        Assert.Contains("已导入 2027 年节假日安排：放假 8 天，调休上班 1 天。", year);
        Assert.Contains("依据：国办发明电〔2026〕5号", year);
        Assert.Contains("第 1 个工作日：<strong>2027-01-04（星期一）</strong>", year);
        Assert.DoesNotContain("（预计）", year);
        Assert.DoesNotContain("calendar-warning", await client.GetStringAsync("/admin"));

        // Importing the year again is refused unless replacing is asked for.
        var again = await client.PostAsync("/admin/calendar?handler=import", Form(year,
            ("Import.Year", "2027"), ("Import.Source", "国办发明电〔2026〕5号"), ("Import.Lines", "2027-01-01 放假 元旦")));
        Assert.Contains("2027 年已有 9 个日期。如要用导入的内容整体替换，请勾选“替换该年已有安排”。", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_year_file_is_uploaded_and_a_bad_one_refused_naming_the_path()
    {
        var client = await SignedInAdminAsync();
        var page = await client.GetStringAsync("/admin/calendar?year=2028");

        var bad = await client.PostAsync("/admin/calendar?handler=import", Upload(page, "2028.json", """
            { "year": 2028, "source": "国办发明电〔2027〕1号",
              "festivals": [ { "name": "春节", "from": "2028-01-25", "to": "2028-01-31", "workdays": ["2028-01-24"] } ] }
            """));
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("2028.json $.festivals[0].workdays[0]：2028-01-24 是星期一", html);

        var good = await client.PostAsync("/admin/calendar?handler=import", Upload(page, "2028.json", """
            { "year": 2028, "source": "国办发明电〔2027〕1号",
              "festivals": [ { "name": "春节", "from": "2028-01-25", "to": "2028-01-31", "workdays": ["2028-01-23"] } ] }
            """));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("/admin/calendar?year=2028", good.Headers.Location!.OriginalString);
        using var scope = fixture.Site.Services.CreateScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarStore>().GetCalendarAsync();
        Assert.Equal(8, calendar.GetYear(2028)!.Days.Count);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2028, 1, 23)));
    }

    [Fact]
    public async Task The_year_is_shown_as_months_and_a_list()
    {
        var client = await Staff.SignedInAsync(fixture.Site, "office");
        var html = await client.GetStringAsync("/admin/calendar?year=2025");
        Assert.Contains("依据：国办发明电〔2024〕12号；放假 28 天，调休上班 5 天，全年工作日 248 天。", html);
        Assert.Contains("<caption>10 月</caption>", html);
        Assert.Contains("title=\"国庆节、中秋节 调休上班\">11<span class=\"mark\">班</span>", html);
        Assert.Contains("<td>2025-10-11</td>", html);
        Assert.Contains("2025-10-01 至 2025-10-08 放假 国庆节、中秋节", html);
    }

    private async Task<bool> DayExistsAsync(DateOnly date)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().CalendarDays.AnyAsync(d => d.Date == date);
    }

    private async Task<HttpClient> SignedInAdminAsync()
    {
        var client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/admin/login");
        var response = await client.PostAsync("/admin/login", Form(page, ("UserName", "admin"), ("Password", "Test-Admin-2026!")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static MultipartFormDataContent Upload(string page, string fileName, string json) => new()
    {
        { new StringContent(Staff.Token(page)), "__RequestVerificationToken" },
        { new StringContent("2028"), "Import.Year" },
        { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "Import.File", fileName },
    };
}
