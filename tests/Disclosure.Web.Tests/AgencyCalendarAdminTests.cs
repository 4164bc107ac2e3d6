using System.Net;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests;

/// <summary>
/// Agencies' own working-day calendars on /admin/calendar (集约化): the 公开办 of 伊金霍洛旗公安局 keeps its agency's local days
/// and nothing else; the installation's staff pick any agency. Days are added in 2027, which no demo deadline reaches.
/// </summary>
[Collection(DemoSiteGroup.Name)]
public sealed class AgencyCalendarAdminTests(SiteFixture fixture)
{
    private const string YiJinHuoLuo = Staff.OtherAgencyCode;
    private const string YongNing = "640121-103";

    private async Task<(int Days, int Ledger)> CountsAsync()
    {
        using var scope = fixture.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        return (await db.AgencyCalendarDays.CountAsync(), await db.Ledger.CountAsync(e => e.Action == LedgerActions.AgencyCalendarDayAdded || e.Action == LedgerActions.AgencyCalendarDayRemoved));
    }

    [Fact]
    public async Task An_agency_office_adds_and_removes_its_own_local_days_and_its_deadlines_follow()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, "office-yj");

        // Its own calendar, whatever it asks for: the demo's 那达慕 days, its own and 鄂尔多斯's, beside the national ones.
        var page = await TextAsync(await client.GetAsync("/admin/calendar?year=2026"));
        Assert.Contains("工作日历 2026 年 · 伊金霍洛旗公安局", page);
        Assert.Contains("伊金霍洛旗公安局的本地日期（2）", page);
        Assert.Contains("上级机构的本地日期（1）", page);
        Assert.Contains("<td>鄂尔多斯市公安局</td>", page);
        Assert.Contains("全国放假与调休上班日期", page);
        Assert.DoesNotContain("id=\"agency-picker\"", page);
        Assert.DoesNotContain("handler=import", page);

        var before = await CountsAsync();
        var form = await client.GetStringAsync("/admin/calendar?year=2027");
        var added = await client.PostAsync("/admin/calendar?handler=addlocal", Form(form,
            ("agency", YiJinHuoLuo), ("Local.Year", "2027"), ("Local.Date", "2027-03-15"), ("Local.Kind", "Holiday"), ("Local.Name", "测试本地假"), ("Local.Source", "伊金霍洛旗测试通知")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal($"/admin/calendar?year=2027&agency={YiJinHuoLuo}", added.Headers.Location!.OriginalString);
        Assert.Equal((before.Days + 1, before.Ledger + 1), await CountsAsync());

        // Friday 03-12 + 1 working day: Tuesday 03-16 for 伊金霍洛旗, Monday 03-15 for 永宁 (the installation's office).
        var trial = await TextAsync(await client.GetAsync($"/admin/calendar?year=2027&agency={YiJinHuoLuo}&from=2027-03-12&days=1"));
        Assert.Contains("已为伊金霍洛旗公安局添加本地日期：2027-03-15 放假（测试本地假）。", trial);
        Assert.Contains("第 1 个工作日：<strong>2027-03-16（星期二）</strong>", trial);
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        Assert.Contains("第 1 个工作日：<strong>2027-03-15（星期一）</strong>", await TextAsync(await office.GetAsync("/admin/calendar?year=2027&from=2027-03-12&days=1")));

        var removed = await client.PostAsync($"/admin/calendar?handler=removelocal&date=2027-03-15&agency={YiJinHuoLuo}", Form(trial));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("第 1 个工作日：<strong>2027-03-15（星期一）</strong>", await TextAsync(await client.GetAsync($"/admin/calendar?year=2027&agency={YiJinHuoLuo}&from=2027-03-12&days=1")));
        Assert.Equal((before.Days, before.Ledger + 2), await CountsAsync());
    }

    [Fact]
    public async Task An_agency_office_cannot_touch_another_agencys_calendar_or_the_national_one()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, "office-yj");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/calendar?agency={YongNing}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/calendar?agency=150600-103")).StatusCode);

        var page = await client.GetStringAsync("/admin/calendar?year=2027");
        var before = await CountsAsync();
        var other = await client.PostAsync("/admin/calendar?handler=addlocal", Form(page,
            ("agency", YongNing), ("Local.Year", "2027"), ("Local.Date", "2027-03-15"), ("Local.Kind", "Holiday"), ("Local.Name", "越权")));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var removeOther = await client.PostAsync("/admin/calendar?handler=removelocal&date=2026-08-03&agency=150600-103", Form(page));
        Assert.Equal(HttpStatusCode.NotFound, removeOther.StatusCode);

        var national = await client.PostAsync("/admin/calendar?handler=add", Form(page,
            ("Day.Year", "2026"), ("Day.Date", "2026-03-02"), ("Day.Kind", "Holiday"), ("Day.Name", "越权")));
        Assert.Equal(HttpStatusCode.Forbidden, national.StatusCode);
        var removeNational = await client.PostAsync("/admin/calendar?handler=remove&date=2026-10-01", Form(page));
        Assert.Equal(HttpStatusCode.Forbidden, removeNational.StatusCode);
        var import = await client.PostAsync("/admin/calendar?handler=import", Form(page,
            ("Import.Year", "2027"), ("Import.Source", "越权"), ("Import.Lines", "2027-01-01 放假 元旦")));
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);

        // Without the antiforgery token nothing is even looked at.
        var forged = await client.PostAsync("/admin/calendar?handler=addlocal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["agency"] = YiJinHuoLuo, ["Local.Year"] = "2027", ["Local.Date"] = "2027-03-15", ["Local.Kind"] = "Holiday", ["Local.Name"] = "无令牌",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        Assert.Equal(before, await CountsAsync());
        using var scope = fixture.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        Assert.True(await db.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2026, 10, 1)));
        Assert.False(await db.CalendarDays.AnyAsync(d => d.Name == "越权"));
        Assert.False(await db.AgencyCalendarDays.AnyAsync(d => d.Name == "越权" || d.Name == "无令牌"));
        Assert.True(await db.AgencyCalendarDays.AnyAsync(d => d.AgencyCode == "150600-103" && d.Date == new DateOnly(2026, 8, 3)));
    }

    [Theory]
    [InlineData("2027-02-30", "Holiday", "测试", "日期“2027-02-30”无效，请按 YYYY-MM-DD 填写")]
    [InlineData("2101-01-04", "Holiday", "测试", "年份 2101 无效，应在 2000 到 2100 之间。")]
    [InlineData("2027-03-17", "AdjustedWorkingDay", "测试", "2027-03-17（星期三）按上级日历本来就是工作日，无需再设为调休上班。")]
    [InlineData("2027-03-20", "Holiday", "测试", "2027-03-20（星期六）按上级日历本来就不上班，无需再设为放假。")]
    [InlineData("2026-08-04", "Holiday", "测试", "2026-08-04 已列为放假日（那达慕（演示）），不能重复添加。")]
    [InlineData("2027-03-15", "Holiday", " ", "请填写节日名称，例如 春节。")]
    [InlineData("2027-03-15", "Sometimes", "测试", "请选择“放假”或“调休上班”。")]
    public async Task A_refused_local_day_is_explained_and_nothing_is_written(string date, string kind, string name, string message)
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var client = await Staff.SignedInAsync(fixture.Site, "office-yj");
        var page = await client.GetStringAsync("/admin/calendar?year=2027");
        var before = await CountsAsync();
        var response = await client.PostAsync("/admin/calendar?handler=addlocal", Form(page,
            ("agency", YiJinHuoLuo), ("Local.Year", "2027"), ("Local.Date", date), ("Local.Kind", kind), ("Local.Name", name)));
        var html = await TextAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("未添加", html);
        Assert.Contains(message, html);
        Assert.Contains($"value=\"{date}\"", html);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_installations_staff_pick_any_agency_and_an_unknown_one_is_not_found()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var admin = await Staff.SignedInAsync(fixture.Site, "sysadmin");
        var national = await TextAsync(await admin.GetAsync("/admin/calendar?year=2026"));
        Assert.Contains("id=\"agency-picker\"", national);
        Assert.Contains("handler=import", national);
        Assert.Contains($"<option value=\"{YiJinHuoLuo}\">", national);

        var banner = await TextAsync(await admin.GetAsync($"/admin/calendar?year=2026&agency={YiJinHuoLuo}"));
        Assert.Contains("伊金霍洛旗公安局的本地日期（2）", banner);
        Assert.Contains("那达慕（演示）", banner);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/calendar?agency=000000-000")).StatusCode);
    }
}
