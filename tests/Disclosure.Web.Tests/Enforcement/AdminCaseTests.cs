using System.Net;
using Disclosure.Core.Security;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Services;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.Enforcement.AdminEnforcementSupport;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.Enforcement;

/// <summary>The office's 执法公开 pages over HTTP: registering with 回执, the due board, releasing, the recorded view of parties.</summary>
[Collection(AdminEnforcementSiteGroup.Name)]
public sealed class AdminCaseTests(AdminEnforcementSiteFixture fixture)
{
    private const string Criminal = "A6401215100002026090031";
    private const string Mediation = "A6401213200002026100117";

    [Fact]
    public async Task Registering_a_case_prints_each_partys_code_once()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var form = await office.GetStringAsync("/admin/enforcement/register?kind=criminal");
        Assert.Contains("被害人或其家属", form);
        var response = await office.PostAsync("/admin/enforcement/register", Form(form,
            ("Kind", "criminal"), ("Number", "ａ640121 5100002026120001"), ("UnitName", "永宁县公安局刑事侦查大队"), ("UnitContact", "0951-8011110"),
            ("AcceptedOn", "2026-12-03"), ("OpeningDocumentNumber", "永公（刑）受字〔2026〕301号"),
            ("Parties[0].Role", "victim"), ("Parties[0].Name", "测试报案人"), ("Parties[0].Phone", "13900000001"), ("Parties[0].Notify", "true"),
            ("Parties[1].Role", "suspect"), ("Parties[1].Name", "测试嫌疑人家属"), ("Parties[1].IdNumber", "640121199001011234"),
            ("Parties[2].Role", "agent")));
        var html = await TextAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("查询码只显示这一次", html);
        Assert.Contains("测试报案人（被害人或其家属）", html);
        Assert.Contains("/enforcement/query", html);
        Assert.Contains("5 个工作日内可供查询", html);
        Assert.Contains("对立案或不立案决定提出异议", html); // the kind's rights text
        var codes = Codes(html);
        Assert.Equal(2, codes.Count);

        const string number = "A6401215100002026120001";
        await using (var scope = fixture.Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            var stored = await db.Set<EnforcementCaseRecord>().SingleAsync(c => c.Number == number);
            var hashes = await db.Set<CasePartyRecord>().Where(p => p.CaseId == stored.Id).OrderBy(p => p.Id).Select(p => p.QueryCodeHash).ToListAsync();
            Assert.Equal(codes.Select(c => CaseRegistry.HashCode(TrackingCode.Normalize(c)!)), hashes);
            Assert.True(await db.Set<CaseEventRecord>().AnyAsync(e => e.CaseId == stored.Id && e.DocumentNumber == "永公（刑）受字〔2026〕301号" && e.VisibleUtc != null));
        }

        // The case page lists the parties by role: no code, no name, no number.
        var page = await TextAsync(await office.GetAsync("/admin/enforcement/" + number));
        Assert.Contains("犯罪嫌疑人或其家属", page);
        Assert.All(codes, c => Assert.DoesNotContain(c, page));
        Assert.DoesNotContain("测试报案人", page);
        Assert.DoesNotContain("13900000001", page);
        Assert.Contains("登记执法案件", page); // the history, from the 台账
    }

    [Fact]
    public async Task Bad_input_keeps_the_form_with_chinese_messages_and_writes_nothing()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var before = await CountsAsync();
        var form = await office.GetStringAsync("/admin/enforcement/register?kind=administrative");
        var badDate = await office.PostAsync("/admin/enforcement/register", Form(form,
            ("Kind", "administrative"), ("Number", "BAD-2026-1"), ("UnitName", "永宁县公安局治安管理大队"), ("UnitContact", "0951-8011236"),
            ("AcceptedOn", "2026-02-30"), ("Parties[0].Role", "victim"), ("Parties[0].Name", "保留的姓名"), ("Parties[0].Phone", "13900000002")));
        var html = await TextAsync(badDate);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        Assert.Contains("日期“2026-02-30”无效", html);
        Assert.Contains("value=\"BAD-2026-1\"", html);
        Assert.Contains("value=\"保留的姓名\"", html);
        Assert.Contains("value=\"2026-02-30\"", html);
        Assert.Contains("<option value=\"victim\" selected=\"selected\">被侵害人或其家属</option>", html);

        var refused = await office.PostAsync("/admin/enforcement/register", Form(form,
            ("Kind", "administrative"), ("Number", ""), ("UnitName", "永宁县公安局治安管理大队"), ("UnitContact", ""),
            ("AcceptedOn", "2026-12-05"), ("Parties[0].Role", "victim"), ("Parties[0].Name", "保留的姓名"),
            ("Parties[1].Role", "victim"), ("Parties[1].Name", "第二人"), ("Parties[1].Phone", "12")));
        html = await TextAsync(refused);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("未登记，请修改", html);
        Assert.Contains("请填写案件编号", html);
        Assert.Contains("请填写办案单位联系方式", html);
        Assert.Contains("受案日期不能晚于今天", html);
        Assert.Contains("第 1 名当事人：证件号码和联系电话至少填写一项", html);
        Assert.Contains("联系电话应为 7 至 20 位数字", html);
        Assert.Contains("value=\"第二人\"", html);
        Assert.Empty(Codes(html));

        var noParty = await office.PostAsync("/admin/enforcement/register", Form(form,
            ("Kind", "administrative"), ("Number", "BAD-2026-2"), ("UnitName", "永宁县公安局治安管理大队"), ("UnitContact", "0951-8011236"), ("AcceptedOn", "2026-12-01")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noParty.StatusCode);
        Assert.Contains("至少登记一名当事人", await TextAsync(noParty));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_board_counts_held_events_across_the_national_day_holiday()
    {
        const string unit = "永宁县公安局国庆测试派出所";
        try
        {
            // Mon 10-12: an event formed Tue 09-29 is due today (09-30, 10-08, 10-09, 10-10 调休, 10-12); one formed 09-30 on 10-13.
            fixture.Clock.Now = new DateTimeOffset(2026, 10, 12, 10, 0, 0, TimeSpan.FromHours(8));
            var office = await Staff.SignedInAsync(fixture.Site, "office");
            var form = await office.GetStringAsync("/admin/enforcement/register?kind=criminal");
            var registered = await office.PostAsync("/admin/enforcement/register", Form(form,
                ("Kind", "criminal"), ("Number", "GQ-2026-0001"), ("UnitName", unit), ("UnitContact", "0951-8000000"), ("AcceptedOn", "2026-09-28"),
                ("Parties[0].Role", "victim"), ("Parties[0].Name", "测试"), ("Parties[0].Phone", "13900000003")));
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
            foreach (var (type, formedOn, detail) in new[] { ("filed", "2026-09-29", ""), ("coercive-measure", "2026-09-30", "取保候审") })
            {
                var page = await office.GetStringAsync("/admin/enforcement/GQ-2026-0001");
                var added = await office.PostAsync("/admin/enforcement/GQ-2026-0001?handler=event", Form(page, ("type", type), ("formedOn", formedOn), ("detail", detail)));
                Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            }

            var board = await office.GetStringAsync("/admin/enforcement");
            Assert.Equal((2, 0), BoardFigures(WebUtility.HtmlDecode(board), unit));
            var held = await TextAsync(await office.GetAsync($"/admin/enforcement?unit={Uri.EscapeDataString(unit)}&held=pending"));
            Assert.Contains("2026-10-12", held);
            Assert.Contains("2026-10-13", held);

            fixture.Clock.Now = new DateTimeOffset(2026, 10, 13, 10, 0, 0, TimeSpan.FromHours(8));
            office = await Staff.SignedInAsync(fixture.Site, "office");
            Assert.Equal((1, 1), BoardFigures(WebUtility.HtmlDecode(await office.GetStringAsync("/admin/enforcement")), unit));
            var overdue = await TextAsync(await office.GetAsync($"/admin/enforcement?unit={Uri.EscapeDataString(unit)}&held=overdue"));
            Assert.Contains("立案", overdue);
            Assert.DoesNotContain("采取刑事强制措施", overdue);
            var timeline = await TextAsync(await office.GetAsync("/admin/enforcement/GQ-2026-0001"));
            Assert.Contains("超期未公开", timeline);
            Assert.Contains("待公开", timeline);
        }
        finally
        {
            fixture.Clock.Now = AdminEnforcementSiteFixture.Start;
        }
    }

    [Fact]
    public async Task Releasing_a_held_event_judges_it_on_time_or_late()
    {
        try
        {
            // Wed 11-04: the 调解协议 formed Tue 10-27 was due 11-03 (late now); the 移送审查起诉 formed Wed 10-28 is due today.
            fixture.Clock.Now = new DateTimeOffset(2026, 11, 4, 10, 0, 0, TimeSpan.FromHours(8));
            var office = await Staff.SignedInAsync(fixture.Site, "office");
            var (late, onTime) = (await HeldEventIdAsync(Mediation, "mediation-agreement"), await HeldEventIdAsync(Criminal, "prosecution"));

            var page = await TextAsync(await office.GetAsync("/admin/enforcement/" + Mediation));
            Assert.Contains("暂未公开", Row(page, $"event-{late}"));
            Assert.Contains("超期未公开", Row(page, $"event-{late}"));
            Assert.Contains("2026-11-03", Row(page, $"event-{late}"));
            var released = await office.PostAsync($"/admin/enforcement/{Mediation}?handler=release&eventId={late}", Form(page));
            Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
            page = await TextAsync(await office.GetAsync(released.Headers.Location!.OriginalString));
            Assert.Contains("已向当事人公开（超期公开，期限 2026-11-03）", page);
            Assert.Contains("2026-11-04", Row(page, $"event-{late}"));
            Assert.EndsWith("超期公开", Row(page, $"event-{late}"));

            page = await TextAsync(await office.GetAsync("/admin/enforcement/" + Criminal));
            Assert.EndsWith("待公开", Row(page, $"event-{onTime}"));
            released = await office.PostAsync($"/admin/enforcement/{Criminal}?handler=release&eventId={onTime}", Form(page));
            page = await TextAsync(await office.GetAsync(released.Headers.Location!.OriginalString));
            Assert.EndsWith("按时公开", Row(page, $"event-{onTime}"));

            // Released twice: nothing changes, no second 台账 entry.
            await office.PostAsync($"/admin/enforcement/{Criminal}?handler=release&eventId={onTime}", Form(page));
            await using var scope = fixture.Site.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            Assert.Equal(1, await db.Ledger.CountAsync(e => e.Action == EnforcementLedgerActions.EventReleased && e.ContentItemId == "case:" + Criminal));
        }
        finally
        {
            fixture.Clock.Now = AdminEnforcementSiteFixture.Start;
        }
    }

    [Fact]
    public async Task Viewing_the_parties_needs_the_office_role_and_a_purpose_and_is_recorded()
    {
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var page = await TextAsync(await editor.GetAsync("/admin/enforcement/" + Criminal));
        Assert.Contains("被害人或其家属", page);
        Assert.DoesNotContain("（演示）马晓燕", page);
        Assert.DoesNotContain("查看当事人信息</button>", page);
        Assert.DoesNotContain("重新生成查询码</button>", page);
        var partyId = await PartyIdAsync(Criminal, "victim");
        foreach (var handler in new[] { "parties", $"reissue&party={partyId}" })
        {
            var refused = await editor.PostAsync($"/admin/enforcement/{Criminal}?handler={handler}", Form(page, ("purpose", "越权查看")));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/admin/denied", refused.Headers.Location!.PathAndQuery);
        }

        var office = await Staff.SignedInAsync(fixture.Site, "office");
        page = await TextAsync(await office.GetAsync("/admin/enforcement/" + Criminal));
        Assert.DoesNotContain("（演示）马晓燕", page);
        var noPurpose = await office.PostAsync($"/admin/enforcement/{Criminal}?handler=parties", Form(page, ("purpose", " ")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPurpose.StatusCode);
        Assert.Contains("请填写查看目的", await TextAsync(noPurpose));
        Assert.Equal(0, await LedgerCountAsync(EnforcementLedgerActions.PartyViewed));

        var shown = await office.PostAsync($"/admin/enforcement/{Criminal}?handler=parties", Form(page, ("purpose", "核对当事人联系电话")));
        var html = await TextAsync(shown);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("（演示）马晓燕", html);
        Assert.Contains("13995110031", html);
        Assert.Contains("本次查看已记入台账", html);
        await using (var scope = fixture.Site.Services.CreateAsyncScope())
        {
            var entry = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger.SingleAsync(e => e.Action == EnforcementLedgerActions.PartyViewed);
            Assert.Equal(("office", "case:" + Criminal), (entry.Actor, entry.ContentItemId));
            Assert.Contains("核对当事人联系电话", entry.Detail);
            Assert.DoesNotContain("马晓燕", entry.Detail);
        }

        var ledger = WebUtility.HtmlDecode(await office.GetStringAsync("/admin/ledger"));
        Assert.Contains("查看当事人信息", ledger);
        Assert.Contains($"<a href=\"/admin/enforcement/{Criminal}\">执法案件 {Criminal}</a>", ledger);

        // A new 查询码 for the party: printed once, the stored hash replaced.
        var oldHash = await HashAsync(partyId);
        var reissued = await office.PostAsync($"/admin/enforcement/{Criminal}?handler=reissue&party={partyId}", Form(page));
        html = await TextAsync(reissued);
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        Assert.Contains("新查询码只显示这一次", html);
        Assert.Contains("当事人（被害人或其家属）", html);
        var code = Assert.Single(Codes(html));
        Assert.NotEqual(oldHash, await HashAsync(partyId));
        Assert.Equal(CaseRegistry.HashCode(TrackingCode.Normalize(code)!), await HashAsync(partyId));
        Assert.Equal(1, await LedgerCountAsync(EnforcementLedgerActions.QueryCodeReissued));
    }

    [Fact]
    public async Task Adding_an_event_by_hand_refuses_a_missing_detail_and_keeps_what_was_typed()
    {
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync("/admin/enforcement/" + Criminal);
        Assert.DoesNotContain("<option value=\"accepted\"", page); // the opening event comes with the case
        var refused = await office.PostAsync($"/admin/enforcement/{Criminal}?handler=event", Form(page,
            ("type", "coercive-measure"), ("formedOn", "2026-12-03"), ("documentNumber", "永公（刑）保字〔2026〕7号"), ("detail", "")));
        var html = await TextAsync(refused);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("“采取刑事强制措施”须填写强制措施种类", html);
        Assert.Contains("value=\"永公（刑）保字〔2026〕7号\"", html);
        Assert.Contains("<option value=\"coercive-measure\" selected=\"selected\">", html);

        var added = await office.PostAsync($"/admin/enforcement/{Criminal}?handler=event", Form(page,
            ("type", "coercive-measure"), ("formedOn", "2026-12-03"), ("documentNumber", "永公（刑）保字〔2026〕7号"), ("detail", "取保候审"), ("visible", "true")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        html = await TextAsync(await office.GetAsync(added.Headers.Location!.OriginalString));
        Assert.Contains("已添加“采取刑事强制措施”，当事人即可查询", html);
        Assert.Contains("强制措施种类：取保候审", html);
    }

    [Fact]
    public async Task The_list_opens_a_case_by_its_number_and_filters_by_part_kind_and_unit()
    {
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        var exact = await editor.GetAsync("/admin/enforcement?q=" + Uri.EscapeDataString("fy-2026-007"));
        Assert.Equal(HttpStatusCode.Redirect, exact.StatusCode);
        Assert.Equal("/admin/enforcement/FY-2026-007", exact.Headers.Location!.OriginalString);

        var part = await TextAsync(await editor.GetAsync("/admin/enforcement?q=A64012132"));
        Assert.Contains("A6401213200002026100102", part);
        Assert.Contains("A6401213200002026100117", part);
        Assert.DoesNotContain(Criminal, part);
        var petitions = await TextAsync(await editor.GetAsync("/admin/enforcement?kind=petition"));
        Assert.Contains("XF-2026-0058", petitions);
        Assert.DoesNotContain("FY-2026-007", petitions);
        var unit = await TextAsync(await editor.GetAsync("/admin/enforcement?unit=" + Uri.EscapeDataString("永宁县公安局法制大队")));
        Assert.Contains("FY-2026-007", unit);
        Assert.Contains("PC-2026-003", unit);
        Assert.DoesNotContain("XF-2026-0058", unit);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/admin/enforcement/NO-SUCH-CASE")).StatusCode);

        // Every POST carries the antiforgery token: without it nothing is released.
        var id = await HeldEventIdAsync(Mediation, "mediation-agreement");
        var forged = await editor.PostAsync($"/admin/enforcement/{Mediation}?handler=release&eventId={id}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    private async Task<long> HeldEventIdAsync(string number, string type)
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        return await (from e in db.Set<CaseEventRecord>() join c in db.Set<EnforcementCaseRecord>() on e.CaseId equals c.Id
                      where c.Number == number && e.TypeCode == type select e.Id).SingleAsync();
    }

    private async Task<long> PartyIdAsync(string number, string role)
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        return await (from p in db.Set<CasePartyRecord>() join c in db.Set<EnforcementCaseRecord>() on p.CaseId equals c.Id
                      where c.Number == number && p.RoleCode == role select p.Id).SingleAsync();
    }

    private async Task<string> HashAsync(long partyId)
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<CasePartyRecord>().Where(p => p.Id == partyId).Select(p => p.QueryCodeHash).SingleAsync();
    }

    private async Task<int> LedgerCountAsync(string action)
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Ledger.CountAsync(e => e.Action == action);
    }

    private async Task<(int Cases, int Parties, int Events, long Ledger)> CountsAsync()
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        return (await db.Set<EnforcementCaseRecord>().CountAsync(), await db.Set<CasePartyContactRecord>().CountAsync(), await db.Set<CaseEventRecord>().CountAsync(), await db.Ledger.LongCountAsync());
    }
}
