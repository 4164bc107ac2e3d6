using Disclosure.Core.Calendar;
using Disclosure.Core.Tables;
using Disclosure.Core.Tests.Credit;
using Disclosure.Credit.Models;
using Disclosure.Credit.Services;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Interaction.Mailbox;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Services;
using Disclosure.Storage.Calendar;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Calendar;

/// <summary>
/// Agencies' own working-day calendars (集约化) on SQLite and PostgreSQL: the overlay (own beats superior beats national),
/// edits and refusals, and deadlines of one agency's records skipping its local days while another's do not.
/// The demo organisation brings 鄂尔多斯's 2026-08-03 and 伊金霍洛旗's 2026-08-04 (放假) and 2026-08-08 (调休上班).
/// </summary>
public sealed class AgencyCalendarTests
{
    private const string YongNing = "640121-103";
    private const string NeiMengGu = "150000-103";
    private const string EErDuoSi = "150600-103";
    private const string DongSheng = "150602-103";
    private const string YiJinHuoLuo = "150627-103";

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static Task<T> StoreAsync<T>(TestDatabase database, Func<CalendarStore, Task<T>> action) =>
        database.InScopeAsync(sp => action(sp.GetRequiredService<CalendarStore>()));

    private static Task<WorkingDayCalendar> CalendarOfAsync(TestDatabase database, string? agency) =>
        StoreAsync(database, s => s.GetCalendarAsync(agency));

    private static Task<long> VersionAsync(TestDatabase database) =>
        database.InScopeAsync(async sp => await sp.GetRequiredService<DisclosureDbContext>().Counters
            .Where(c => c.Name == CalendarStore.VersionCounter).Select(c => c.Value).SingleOrDefaultAsync());

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_nearest_agency_wins_over_its_superiors_and_the_national_calendar(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var monday = D(2026, 9, 14);
        var nationalDay = D(2026, 10, 7); // 国庆节 放假 (Wednesday)

        // 鄂尔多斯 takes Monday 09-14 off; 伊金霍洛旗 works it anyway, and works 10-07 although the nation is off.
        Assert.Null(await StoreAsync(database, s => s.AddAgencyDayAsync(EErDuoSi, new CalendarDay(monday, CalendarDayKind.Holiday, "市级假日"), "鄂尔多斯市通知", "city")));
        Assert.Null(await StoreAsync(database, s => s.AddAgencyDayAsync(YiJinHuoLuo, new CalendarDay(monday, CalendarDayKind.AdjustedWorkingDay, "旗内值守"), null, "banner")));
        Assert.Null(await StoreAsync(database, s => s.AddAgencyDayAsync(YiJinHuoLuo, new CalendarDay(nationalDay, CalendarDayKind.AdjustedWorkingDay, "旗内值守"), null, "banner")));

        async Task<(bool Monday, bool NationalDay)> WorkingAsync(string? agency)
        {
            var calendar = await CalendarOfAsync(database, agency);
            return (calendar.IsWorkingDay(monday), calendar.IsWorkingDay(nationalDay));
        }

        Assert.Equal((true, false), await WorkingAsync(null));
        Assert.Equal((true, false), await WorkingAsync(YongNing));
        Assert.Equal((true, false), await WorkingAsync(NeiMengGu));   // a subordinate's day never flows upwards
        Assert.Equal((false, false), await WorkingAsync(EErDuoSi));
        Assert.Equal((false, false), await WorkingAsync(DongSheng));  // inherits its parent's day
        Assert.Equal((true, true), await WorkingAsync(YiJinHuoLuo));   // own beats parent, and a local working day on a national holiday

        // The list-wide view agrees with the one-agency read, and a deadline over the holiday moves for 伊金霍洛旗 only.
        var all = await StoreAsync(database, s => s.GetCalendarsAsync());
        Assert.True(all.For(YiJinHuoLuo).IsWorkingDay(nationalDay));
        Assert.False(all.For(YongNing).IsWorkingDay(nationalDay));
        Assert.False(all.For(DongSheng).IsWorkingDay(monday));
        Assert.Equal(D(2026, 10, 7), all.For(YiJinHuoLuo).AddWorkingDays(D(2026, 10, 6), 1).Value);
        Assert.Equal(D(2026, 10, 8), all.For(YongNing).AddWorkingDays(D(2026, 10, 6), 1).Value);
        Assert.Contains(YiJinHuoLuo, all.LocalAgencies);
        Assert.DoesNotContain(YongNing, all.LocalAgencies);

        // Removing 伊金霍洛旗's own Monday hands the date back to 鄂尔多斯's holiday.
        Assert.True(await StoreAsync(database, s => s.RemoveAgencyDayAsync(YiJinHuoLuo, monday, "banner")));
        Assert.False(await StoreAsync(database, s => s.RemoveAgencyDayAsync(YiJinHuoLuo, monday, "banner")));
        Assert.Equal((false, true), await WorkingAsync(YiJinHuoLuo));

        var day = await StoreAsync(database, async s => (await s.GetAgencyDaysAsync([EErDuoSi], 2026)).Single(d => d.Date == monday));
        Assert.Equal(("市级假日", "鄂尔多斯市通知", "city", CalendarDayKind.Holiday), (day.Name, day.Source, day.UpdatedBy, day.Kind));

        var ledger = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.OrderBy(e => e.Sequence).Select(e => new { e.Action, e.Detail }).ToListAsync());
        Assert.Equal(
            [
                (LedgerActions.AgencyCalendarDayAdded, "鄂尔多斯市公安局（150600-103）本地 2026-09-14 放假（市级假日）"),
                (LedgerActions.AgencyCalendarDayAdded, "伊金霍洛旗公安局（150627-103）本地 2026-09-14 调休上班（旗内值守）"),
                (LedgerActions.AgencyCalendarDayAdded, "伊金霍洛旗公安局（150627-103）本地 2026-10-07 调休上班（旗内值守）"),
                (LedgerActions.AgencyCalendarDayRemoved, "伊金霍洛旗公安局（150627-103）本地 2026-09-14 调休上班（旗内值守）"),
            ],
            ledger.Select(e => (e.Action, e.Detail!)));
        Assert.Empty(await database.InScopeAsync(sp => sp.GetRequiredService<IntegrityVerifier>().VerifyAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_refused_local_day_says_why_and_changes_nothing(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync();
        var version = await VersionAsync(database);
        var count = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().AgencyCalendarDays.CountAsync());
        Task<string?> AddAsync(string agency, DateOnly date, CalendarDayKind kind, string name = "那达慕") =>
            StoreAsync(database, s => s.AddAgencyDayAsync(agency, new CalendarDay(date, kind, name), null, "banner"));

        Assert.Equal("2026-08-04 已列为放假日（那达慕（演示）），不能重复添加。", await AddAsync(YiJinHuoLuo, D(2026, 8, 4), CalendarDayKind.Holiday));
        Assert.Equal("2026-08-04 已列为放假日（那达慕（演示）），同一天不能既放假又调休上班。", await AddAsync(YiJinHuoLuo, D(2026, 8, 4), CalendarDayKind.AdjustedWorkingDay));
        Assert.Equal("2026-10-02（星期五）按上级日历本来就不上班（放假：国庆节），无需再设为放假。", await AddAsync(YongNing, D(2026, 10, 2), CalendarDayKind.Holiday));
        Assert.Equal("2026-08-03（星期一）按上级日历本来就不上班（放假：那达慕（演示）），无需再设为放假。", await AddAsync(YiJinHuoLuo, D(2026, 8, 3), CalendarDayKind.Holiday));
        Assert.Equal("2026-09-16（星期三）按上级日历本来就是工作日，无需再设为调休上班。", await AddAsync(YongNing, D(2026, 9, 16), CalendarDayKind.AdjustedWorkingDay));
        Assert.Equal("年份 2101 无效，应在 2000 到 2100 之间。", await AddAsync(YongNing, D(2101, 1, 3), CalendarDayKind.Holiday));
        Assert.Equal("请填写节日名称，例如 春节。", await AddAsync(YongNing, D(2026, 9, 16), CalendarDayKind.Holiday, " "));
        Assert.Equal("机构“000000-000”不存在。", await AddAsync("000000-000", D(2026, 9, 16), CalendarDayKind.Holiday));

        Assert.Equal(version, await VersionAsync(database));
        Assert.Equal(count, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().AgencyCalendarDays.CountAsync()));
        Assert.False(await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.AnyAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_application_of_YiJinHuoLuo_skips_its_local_holidays_and_one_of_YongNing_does_not(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-07-31");
        await using var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        var applicant = new ApplicationInput
        {
            Kind = "NaturalPerson", Name = "乌兰", IdType = "ResidentIdCard", IdNumber = "640121196803140116", Phone = "13809510001",
            Address = "伊金霍洛旗阿勒腾席热镇", Description = "2025年度行政处罚案件数量统计情况。", Form = "Electronic", Delivery = "Online",
        }.Validate(out _)!;

        var numbers = new Dictionary<string, string>();
        async Task<DateOnly?> DueAsync(string agency) => await database.InScopeAsync(async sp =>
        {
            var request = await sp.GetRequiredService<RequestService>().RegisterAsync(applicant with { AgencyCode = agency }, RequestChannel.Online, D(2026, 7, 31), "public");
            numbers[agency] = request.Number;
            var queries = sp.GetRequiredService<RequestQueries>();
            return (await queries.DeadlineAsync((await queries.FindAsync(request.Number))!)).Due;
        });

        // Received Fri 07-31: 20 working days are 08-03 … 08-28 nationally; 伊金霍洛旗 is off 08-03 (鄂尔多斯) and 08-04
        // (its own) and works Sat 08-08, so its 20th working day is Mon 08-31.
        Assert.Equal(D(2026, 8, 28), await DueAsync(YongNing));
        Assert.Equal(D(2026, 8, 31), await DueAsync(YiJinHuoLuo));

        // The office's list counts each application on its own agency's calendar too.
        var rows = await database.InScopeAsync(sp => sp.GetRequiredService<RequestQueries>().ListAsync(new RequestFilter(OpenOnly: true), Disclosure.Core.Security.Actor.System));
        Assert.Equal(D(2026, 8, 28), rows.Single(r => r.Number == numbers[YongNing]).Deadline.Due);
        Assert.Equal(D(2026, 8, 31), rows.Single(r => r.Number == numbers[YiJinHuoLuo]).Deadline.Due);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_penalty_of_YiJinHuoLuo_is_due_a_day_later_and_the_overdue_list_knows(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-08-12");
        await using var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        Task<long> CreateAsync(string number, string agency) => database.InScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<CreditRecordStore>();
            var (record, problems) = await store.ParseAsync(CreditSamples.Values(CreditFields.For(CreditRecordKind.Penalty), CreditSamples.Penalty(number, "2026-07-31")), null);
            Assert.Empty(problems);
            return await store.CreateAsync(record!, "editor", agency);
        });

        // Decided Fri 07-31, 7 working days: nationally 08-03 … 08-11; 伊金霍洛旗 05, 06, 07, Sat 08, 10, 11, 12.
        var yongNing = await CreateAsync("P-YN-0731", YongNing);
        var banner = await CreateAsync("P-YJ-0731", YiJinHuoLuo);
        var list = await database.InScopeAsync(sp => sp.GetRequiredService<CreditAdminQuery>()
            .ListAsync(new CreditAdminFilter(CreditRecordKind.Penalty), Disclosure.Core.Security.Actor.System, 1, 50));
        Assert.Equal(
            [(yongNing, D(2026, 8, 11), true), (banner, D(2026, 8, 12), false)],
            list.Rows.Where(r => r.Id == yongNing || r.Id == banner).OrderBy(r => r.Id).Select(r => (r.Id, r.PublicationDue, r.Overdue)));

        // The overdue filter and the dashboard count are one SQL comparison per agency's cutoff: only 永宁's is overdue today.
        var overdue = await database.InScopeAsync(sp => sp.GetRequiredService<CreditAdminQuery>()
            .ListAsync(new CreditAdminFilter(CreditRecordKind.Penalty, OverdueOnly: true), Disclosure.Core.Security.Actor.System, 1, 50));
        Assert.Equal([yongNing], overdue.Rows.Select(r => r.Id));
        Assert.Equal(1, (await database.InScopeAsync(sp => sp.GetRequiredService<CreditAdminQuery>().OverdueAsync(Disclosure.Core.Security.Actor.System))).Penalties);

        clock.Set("2026-08-13");
        overdue = await database.InScopeAsync(sp => sp.GetRequiredService<CreditAdminQuery>()
            .ListAsync(new CreditAdminFilter(CreditRecordKind.Penalty, OverdueOnly: true), Disclosure.Core.Security.Actor.System, 1, 50));
        Assert.Equal([yongNing, banner], overdue.Rows.Select(r => r.Id).Order());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_enforcement_board_splits_one_unit_by_each_cases_agency_calendar(DatabaseProvider engine)
    {
        const string unit = "测试联合办案组";
        var clock = TestClock.At("2026-07-31");
        await using var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        foreach (var (number, agency) in new[] { ("E-YN-0731", YongNing), ("E-YJ-0731", YiJinHuoLuo) })
        {
            await database.InScopeAsync(async sp =>
            {
                var registry = sp.GetRequiredService<CaseRegistry>();
                await registry.RegisterAsync(new NewCase(number, "criminal", unit, "0477-0000000", D(2026, 7, 31), [new NewParty("victim", "测试", null, "13900000001")]) { AgencyCode = agency }, "office");
                await registry.RecordEventsAsync([new NewCaseEvent(number, "filed", D(2026, 7, 31), Visible: false)], null, "office");
                return true;
            });
        }

        // Formed Fri 07-31, 5 working days: 永宁 08-03 … 08-07; 伊金霍洛旗 05, 06, 07, Sat 08, Mon 10.
        clock.Set("2026-08-10");
        var board = await database.InScopeAsync(sp => sp.GetRequiredService<CaseAdminQueries>().BoardAsync(Disclosure.Core.Security.Actor.System));
        Assert.Equal([new DueBoardRow(unit, 1, 1)], board);
        var overdue = Assert.Single(await database.InScopeAsync(sp => sp.GetRequiredService<CaseAdminQueries>().HeldAsync(unit, overdue: true, Disclosure.Core.Security.Actor.System)));
        Assert.Equal(("E-YN-0731", D(2026, 8, 7)), (overdue.CaseNumber, overdue.Due));
        var pending = Assert.Single(await database.InScopeAsync(sp => sp.GetRequiredService<CaseAdminQueries>().HeldAsync(unit, overdue: false, Disclosure.Core.Security.Actor.System)));
        Assert.Equal(("E-YJ-0731", D(2026, 8, 10)), (pending.CaseNumber, pending.Due));

        var july = await database.InScopeAsync(sp => sp.GetRequiredService<TimelinessReport>().ComputeAsync(2026, 7));
        Assert.Equal(["E-YN-0731"], july.Missed.Select(m => m.CaseNumber));

        clock.Set("2026-08-11");
        board = await database.InScopeAsync(sp => sp.GetRequiredService<CaseAdminQueries>().BoardAsync(Disclosure.Core.Security.Actor.System));
        Assert.Equal([new DueBoardRow(unit, 0, 2)], board);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_letter_to_YiJinHuoLuo_is_due_on_its_own_calendar(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-07-31");
        await using var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();
        Task<ReceivedLetter> ReceiveAsync(string agency) => database.InScopeAsync(sp => sp.GetRequiredService<MailboxService>().ReceiveAsync(
            new NewLetter(LetterKind.Consultation, "咨询身份证办理", "请问补办身份证需要哪些材料？", new LetterWriter("（测试）来信人", "13995110000", null, null), false) { AgencyCode = agency },
            [], "网上来信", D(2026, 7, 31)));

        // 咨询: 5 working days from Fri 07-31 — 永宁 08-07, 伊金霍洛旗 (08-03, 08-04 off, Saturday 08-08 worked) 08-10.
        var yongNing = await ReceiveAsync(YongNing);
        var banner = await ReceiveAsync(YiJinHuoLuo);
        Assert.Equal((D(2026, 8, 7), D(2026, 8, 10)), (yongNing.Due, banner.Due));

        var office = new Disclosure.Core.Security.Actor("office", new HashSet<string> { Disclosure.Core.Security.RoleNames.InformationOffice });
        var rows = await database.InScopeAsync(sp => sp.GetRequiredService<LetterQueries>().ListAsync(office, new LetterFilter()));
        Assert.Equal(D(2026, 8, 7), rows.Single(r => r.Letter.Number == yongNing.Number).Due);
        Assert.Equal(D(2026, 8, 10), rows.Single(r => r.Letter.Number == banner.Number).Due);
    }
}
