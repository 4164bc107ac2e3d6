using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Calendar;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Enforcement;

/// <summary>
/// The office's reads of 执法公开 on SQLite and PostgreSQL: the due board and the monthly timeliness report, across
/// 国庆 2026 (10-01…10-07 off, Saturday 10-10 worked), where counting plain weekdays would call on-time events late.
/// </summary>
public sealed class TimelinessReportTests
{
    private const string UnitA = "永宁县公安局甲派出所";
    private const string UnitB = "永宁县公安局乙大队";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_board_and_the_report_count_on_the_offices_calendar(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplySetupAndDemoOfficeAsync(); // a case belongs to an agency: the office's own
        var clock = TestClock.At("2026-09-28");

        // Case A, accepted and registered Mon 09-28: the 受案 event is visible that day.
        await WithAsync(database, clock, s => s.Registry.RegisterAsync(Case("T-2026-A", "criminal", UnitA, "2026-09-28", new NewParty("victim", "测试甲", null, "13900000001")), "office"));
        clock.Set("2026-09-29");
        await WithAsync(database, clock, s => s.Registry.RecordEventsAsync([new NewCaseEvent("T-2026-A", "filed", D("2026-09-29"), Visible: false)], null, "office"));
        clock.Set("2026-09-30");
        await WithAsync(database, clock, s => s.Registry.RecordEventsAsync([new NewCaseEvent("T-2026-A", "coercive-measure", D("2026-09-30"), Detail: "刑事拘留")], null, "office"));

        // Mon 10-12: 立案 (formed Tue 09-29) is due today — 09-30, 10-08, 10-09, 10-10 (调休), 10-12 — so still 待公开.
        clock.Set("2026-10-12");
        Assert.Equal([new DueBoardRow(UnitA, 1, 0)], await WithAsync(database, clock, s => s.Queries.BoardAsync(Disclosure.Core.Security.Actor.System)));
        var pending = Assert.Single(await WithAsync(database, clock, s => s.Queries.HeldAsync(UnitA, overdue: false, Disclosure.Core.Security.Actor.System)));
        Assert.Equal(("T-2026-A", "filed", D("2026-10-12")), (pending.CaseNumber, pending.TypeCode, pending.Due));
        Assert.Empty(await WithAsync(database, clock, s => s.Queries.HeldAsync(UnitA, overdue: true, Disclosure.Core.Security.Actor.System)));
        Assert.True(await WithAsync(database, clock, s => s.Registry.ReleaseAsync(pending.EventId, "office")));
        Assert.Empty(await WithAsync(database, clock, s => s.Queries.BoardAsync(Disclosure.Core.Security.Actor.System)));

        // Case B, accepted Mon 09-28 but registered only on 10-12: its 受案 became visible after its due date 10-10.
        await WithAsync(database, clock, s => s.Registry.RegisterAsync(Case("T-2026-B", "administrative", UnitB, "2026-09-28", new NewParty("counterpart", "测试乙", "640121199001011234", null)), "office"));
        await WithAsync(database, clock, s => s.Registry.RecordEventsAsync([new NewCaseEvent("T-2026-B", "pre-penalty-notice", D("2026-09-30"), Visible: false)], null, "office"));

        // Wed 10-14: B's 处罚前告知 (due 10-13) is overdue; A's 破案 formed 10-13 is within its days.
        clock.Set("2026-10-13");
        await WithAsync(database, clock, s => s.Registry.RecordEventsAsync([new NewCaseEvent("T-2026-A", "solved", D("2026-10-13"), Visible: false)], null, "office"));
        clock.Set("2026-10-14");
        Assert.Equal([new DueBoardRow(UnitB, 0, 1), new DueBoardRow(UnitA, 1, 0)], await WithAsync(database, clock, s => s.Queries.BoardAsync(Disclosure.Core.Security.Actor.System)));
        var overdue = Assert.Single(await WithAsync(database, clock, s => s.Queries.HeldAsync(UnitB, overdue: true, Disclosure.Core.Security.Actor.System)));
        Assert.Equal(("T-2026-B", D("2026-10-13")), (overdue.CaseNumber, overdue.Due));

        var september = await WithAsync(database, clock, s => s.Report.ComputeAsync(2026, 9));
        Assert.Equal(
            [new TimelinessRow(UnitB, 2, 0, 1, 0, 1), new TimelinessRow(UnitA, 3, 3, 0, 0, 0)], // by name, ordinal: 乙 U+4E59 before 甲 U+7532
            september.Units);
        Assert.Equal(new TimelinessRow(TimelinessReport.TotalName, 5, 3, 1, 0, 1), september.Total);
        Assert.Equal(0.6, september.Total.OnTimeRate!.Value, 3);
        Assert.Equal(0.0, september.Units[0].OnTimeRate!.Value, 3);
        Assert.Equal(
            [
                new MissedEvent("T-2026-B", UnitB, "受案", D("2026-09-28"), D("2026-10-10"), D("2026-10-12"), EventTimeliness.Late),
                new MissedEvent("T-2026-B", UnitB, "处罚前告知", D("2026-09-30"), D("2026-10-13"), null, EventTimeliness.Overdue),
            ],
            september.Missed);
        Assert.Null(september.CalendarWarning);

        var october = await WithAsync(database, clock, s => s.Report.ComputeAsync(2026, 10));
        Assert.Equal(new TimelinessRow(TimelinessReport.TotalName, 1, 0, 0, 1, 0), october.Total);
        Assert.Null(october.Total.OnTimeRate);
        Assert.Empty(october.Missed);

        // The list: newest first, by kind and unit, a prefix of the number; paged by keyset.
        var all = await WithAsync(database, clock, s => s.Queries.ListAsync(new CaseListFilter(null, null, null, null), Disclosure.Core.Security.Actor.System));
        Assert.Equal(["T-2026-B", "T-2026-A"], all.Rows.Select(r => r.Number));
        Assert.Null(all.NextBefore);
        Assert.Equal(["T-2026-A"], (await WithAsync(database, clock, s => s.Queries.ListAsync(new CaseListFilter(null, "criminal", null, null), Disclosure.Core.Security.Actor.System))).Rows.Select(r => r.Number));
        Assert.Equal(["T-2026-B"], (await WithAsync(database, clock, s => s.Queries.ListAsync(new CaseListFilter("t-2026-b", null, UnitB, null), Disclosure.Core.Security.Actor.System))).Rows.Select(r => r.Number));
        Assert.Equal(["T-2026-A"], (await WithAsync(database, clock, s => s.Queries.ListAsync(new CaseListFilter("T-2026", null, null, all.Rows[0].Id), Disclosure.Core.Security.Actor.System))).Rows.Select(r => r.Number));
    }

    private static NewCase Case(string number, string kind, string unit, string acceptedOn, params NewParty[] parties) =>
        new(number, kind, unit, "0951-8011110", D(acceptedOn), parties);

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The services of one request scope, on a clock the test sets.</summary>
    private sealed record Services(CaseRegistry Registry, CaseAdminQueries Queries, TimelinessReport Report);

    private static async Task<T> WithAsync<T>(TestDatabase database, TimeProvider clock, Func<Services, Task<T>> action)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var ledger = new LedgerWriter(db, clock, scope.ServiceProvider.GetRequiredService<LedgerKeyRing>());
        var calendar = new CalendarStore(db, scope.ServiceProvider.GetRequiredService<CalendarCache>(), ledger, clock);
        var kinds = scope.ServiceProvider.GetRequiredService<CaseKindStore>();
        return await action(new Services(new CaseRegistry(db, kinds, ledger, scope.ServiceProvider.GetRequiredService<CaseStepNotices>(), new AgencyDirectory(db), clock), new CaseAdminQueries(db, calendar, clock), new TimelinessReport(db, kinds, calendar, clock)));
    }
}
