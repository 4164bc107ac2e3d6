using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Enforcement;

/// <summary>
/// 执法公开 in the database, on SQLite and PostgreSQL: what each party's role sees, the one answer for every wrong
/// query, idempotent events and batches that are refused whole.
/// </summary>
public sealed class CaseRegistryTests
{
    private const string Criminal = "A6401215100002026090099";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_role_sees_exactly_the_events_seed_003_gives_it(DatabaseProvider engine)
    {
        await using var database = await CriminalCaseAsync(engine);
        var (victim, suspect, _) = await RegisterAsync(database);
        await RecordAsync(database, null,
            new NewCaseEvent(Criminal, "filed", D("2026-09-27")),
            new NewCaseEvent(Criminal, "coercive-measure", D("2026-09-28"), Detail: "刑事拘留"),
            new NewCaseEvent(Criminal, "appraisal", D("2026-10-09")),
            new NewCaseEvent(Criminal, "solved", D("2026-10-12")),
            new NewCaseEvent(Criminal, "prosecution", D("2026-11-20"), Visible: false));

        // 被害人: 受案、立案、强制措施、破案 — not the 鉴定意见 (the suspect's), not the held 移送审查起诉.
        var seenByVictim = await QueryAsync(database, Criminal, victim, "0031");
        Assert.Equal(["受案", "立案", "采取刑事强制措施", "破案"], seenByVictim!.Events.Select(e => e.Name));
        Assert.Equal(("被害人或其家属", "刑事案件", "永宁县公安局刑事侦查大队", "0951-8011110"), (seenByVictim.RoleName, seenByVictim.KindName, seenByVictim.UnitName, seenByVictim.UnitContact));
        Assert.Contains("申请回避", seenByVictim.Rights);
        Assert.Equal("刑事拘留", seenByVictim.Events[2].Detail);

        // 犯罪嫌疑人家属: 强制措施、鉴定意见 — the 移送 once it is released.
        Assert.Equal(["采取刑事强制措施", "鉴定意见"], (await QueryAsync(database, Criminal, suspect, "0231"))!.Events.Select(e => e.Name));
        // The held step is not the case's public stage either.
        Assert.Equal("solved", await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<EnforcementCaseRecord>().Select(c => c.StageCode).SingleAsync()));
        var held = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CaseEventRecord>().SingleAsync(e => e.VisibleUtc == null));
        Assert.True(await database.InScopeAsync(sp => sp.GetRequiredService<CaseRegistry>().ReleaseAsync(held.Id, "office")));
        Assert.False(await database.InScopeAsync(sp => sp.GetRequiredService<CaseRegistry>().ReleaseAsync(held.Id, "office")));
        Assert.Equal(["采取刑事强制措施", "鉴定意见", "移送审查起诉"], (await QueryAsync(database, Criminal, suspect, "0231"))!.Events.Select(e => e.Name));
        Assert.Equal("移送审查起诉", (await QueryAsync(database, Criminal, victim, "0031"))!.Events[^1].Name);
        Assert.Equal("prosecution", await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<EnforcementCaseRecord>().Select(c => c.StageCode).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_wrong_code_tail_or_case_number_gets_the_same_nothing(DatabaseProvider engine)
    {
        await using var database = await CriminalCaseAsync(engine);
        var (victim, suspect, agentById) = await RegisterAsync(database);

        // Typed loosely: lower case, spaces and dashes, a full-width case number; the ID number's tail ends in X.
        Assert.NotNull(await QueryAsync(database, " ａ6401215100002026090099 ", victim.ToLowerInvariant().Replace("-", " "), "0031"));
        Assert.NotNull(await QueryAsync(database, Criminal, agentById, "002x"));

        Assert.Null(await QueryAsync(database, Criminal, victim, "0231"));          // the other party's phone
        Assert.Null(await QueryAsync(database, Criminal, suspect, "0031"));         // the other party's code
        Assert.Null(await QueryAsync(database, "A6401215100002026090098", victim, "0031"));
        Assert.Null(await QueryAsync(database, Criminal, "ZZZZ-ZZZZ-ZZZZ", "0031"));
        Assert.Null(await QueryAsync(database, Criminal, victim, "031"));            // three characters are not a tail
        Assert.Null(await QueryAsync(database, Criminal, victim, null));
        Assert.Null(await QueryAsync(database, Criminal, null, "0031"));
        Assert.Null(await QueryAsync(database, null, victim, "0031"));

        // A new code replaces the old one at once.
        var partyId = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CasePartyRecord>().Where(p => p.RoleCode == "victim").Select(p => p.Id).SingleAsync());
        var reissued = await database.InScopeAsync(sp => sp.GetRequiredService<CaseRegistry>().ReissueCodeAsync(partyId, "office"));
        Assert.Null(await QueryAsync(database, Criminal, victim, "0031"));
        Assert.NotNull(await QueryAsync(database, Criminal, reissued!.Code, "0031"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_same_source_event_twice_is_stored_once(DatabaseProvider engine)
    {
        await using var database = await CriminalCaseAsync(engine);
        await RegisterAsync(database);
        var filed = new NewCaseEvent(Criminal, "filed", D("2026-09-27"), SourceEventId: "JZ-2026-000981");
        var first = await RecordAsync(database, "jingzong", filed);
        var again = await RecordAsync(database, "jingzong", filed, new NewCaseEvent(Criminal, "solved", D("2026-10-12"), SourceEventId: "JZ-2026-001204"));
        Assert.Equal((1, 0), (first.Added, first.AlreadyPresent));
        Assert.Equal((1, 1), (again.Added, again.AlreadyPresent));
        Assert.Equal(3, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CaseEventRecord>().CountAsync()));

        // A dry run checks and counts but writes nothing.
        var dry = await database.InScopeAsync(sp => sp.GetRequiredService<CaseRegistry>().RecordEventsAsync(
            [new NewCaseEvent(Criminal, "prosecution", D("2026-11-20"), SourceEventId: "JZ-2026-001377")], "jingzong", "office", dryRun: true));
        Assert.Equal((1, 0), (dry.Added, dry.AlreadyPresent));
        Assert.Equal(3, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CaseEventRecord>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_batch_with_a_bad_event_changes_nothing_and_says_what_is_wrong(DatabaseProvider engine)
    {
        await using var database = await CriminalCaseAsync(engine);
        await RegisterAsync(database);
        var before = await CountsAsync(database);

        var refused = await Assert.ThrowsAsync<CaseInputException>(() => RecordAsync(database, "jingzong",
            new NewCaseEvent(Criminal, "filed", D("2026-09-27"), SourceEventId: "1"),
            new NewCaseEvent(Criminal, "solved", D("2026-12-02"), SourceEventId: "2"),
            new NewCaseEvent(Criminal, "solved", D("2026-09-20"), SourceEventId: "3"),
            new NewCaseEvent(Criminal, "penalty-decision", D("2026-09-27"), SourceEventId: "4"),
            new NewCaseEvent(Criminal, "coercive-measure", D("2026-09-28"), SourceEventId: "5"),
            new NewCaseEvent("A6401215100002026090098", "filed", D("2026-09-27"), SourceEventId: "6"),
            new NewCaseEvent(Criminal, "accepted", D("2026-09-27"), SourceEventId: "7"),
            new NewCaseEvent(Criminal, "filed", D("2026-09-27"), SourceEventId: "1")));
        Assert.Equal(
        [
            "第 2 条：形成日期 2026-12-02 晚于今天。",
            "第 3 条：形成日期 2026-09-20 早于受案日期 2026-09-24。",
            "第 4 条：“penalty-decision”不是刑事案件的办理环节（可用：filed 立案、not-filed 不予立案、coercive-measure 采取刑事强制措施、solved 破案、appraisal 鉴定意见、withdrawn 撤案、prosecution 移送审查起诉）。",
            "第 5 条：“采取刑事强制措施”须填写强制措施种类。",
            "第 6 条：案件 A6401215100002026090098 未登记。",
            "第 7 条：“受案”随案件登记，不能再次添加。",
            "第 8 条：来源事件编号 1 在本批中重复。",
        ], refused.Errors.Select(e => e.ToString()));
        Assert.Equal(before, await CountsAsync(database));

        var noSourceId = await Assert.ThrowsAsync<CaseInputException>(() => RecordAsync(database, "jingzong", new NewCaseEvent(Criminal, "filed", D("2026-09-27"))));
        Assert.Equal("第 1 条：缺少来源事件编号。", noSourceId.Errors.Single().ToString());
        Assert.Equal(before, await CountsAsync(database));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_case_with_a_role_not_of_its_kind_or_no_second_factor_is_refused_whole(DatabaseProvider engine)
    {
        await using var database = await CriminalCaseAsync(engine);
        var refused = await Assert.ThrowsAsync<CaseInputException>(() => database.InScopeAsync(sp => sp.GetRequiredService<CaseRegistry>().RegisterAsync(
            new NewCase(Criminal, "criminal", "永宁县公安局刑事侦查大队", "0951-8011110", D("2026-09-24"),
            [
                new NewParty("counterpart", "（测试）行政相对人", null, "13995110031"),
                new NewParty("victim", "（测试）马晓燕", null, null),
            ]), "office")));
        Assert.Equal(
        [
            "第 1 名当事人：“counterpart”不是刑事案件的当事人身份（可用：complainant 控告人、victim 被害人或其家属、suspect 犯罪嫌疑人或其家属、agent 诉讼代理人、third-party 第三人）。",
            "第 2 名当事人：证件号码和联系电话至少填写一项（查询时核对其后四位）。",
        ], refused.Errors.Select(e => e.ToString()));
        Assert.Equal(0, (await CountsAsync(database)).Cases);

        await RegisterAsync(database);
        var twice = await Assert.ThrowsAsync<CaseInputException>(() => RegisterAsync(database));
        Assert.Equal("案件编号：案件 A6401215100002026090099 已登记。", twice.Errors.Single().ToString());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Personal_data_stays_out_of_the_ledger_and_is_read_only_through_a_recorded_view(DatabaseProvider engine)
    {
        await using var database = await CriminalCaseAsync(engine);
        await RegisterAsync(database);
        await RecordAsync(database, null, new NewCaseEvent(Criminal, "filed", D("2026-09-27")));
        var parties = await database.InScopeAsync(sp => sp.GetRequiredService<PartyDataAccess>().ViewAsync(Criminal, "office", "当事人来电核对身份"));
        Assert.Equal(["（测试）马晓燕", "（测试）杨某家属", "（测试）代理律师"], parties!.Select(p => p.Name));

        var ledger = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(["enforcement-case-registered", "enforcement-event-recorded", "enforcement-party-viewed"],
            ledger.Where(e => e.Action.StartsWith("enforcement-", StringComparison.Ordinal)).Select(e => e.Action));
        Assert.Equal("案件 A6401215100002026090099：当事人来电核对身份", ledger[^1].Detail);
        var text = string.Join("\n", ledger.Select(e => $"{e.ContentItemId} {e.Detail}"));
        foreach (var secret in new[] { "马晓燕", "杨某", "代理律师", "13995110031", "13709510231", "64012119800101002X" })
        {
            Assert.DoesNotContain(secret, text);
        }

        Assert.Null(await database.InScopeAsync(sp => sp.GetRequiredService<PartyDataAccess>().ViewAsync("A6401215100002026090098", "office", "核对")));
    }

    private static async Task<TestDatabase> CriminalCaseAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-12-01"));
        await database.ApplySetupAndDemoOfficeAsync(); // a case belongs to an agency: the office's own
        return database;
    }

    /// <summary>The test's criminal case with a victim (phone …0031), a suspect's family (…0231) and an agent known by ID number (…002X).</summary>
    private static async Task<(string Victim, string Suspect, string Agent)> RegisterAsync(TestDatabase database)
    {
        var registered = await database.InScopeAsync(sp => sp.GetRequiredService<CaseRegistry>().RegisterAsync(
            new NewCase(Criminal, "criminal", "永宁县公安局刑事侦查大队", "0951-8011110", D("2026-09-24"),
            [
                new NewParty("victim", "（测试）马晓燕", null, "13995110031"),
                new NewParty("suspect", "（测试）杨某家属", null, "13709510231"),
                new NewParty("agent", "（测试）代理律师", "64012119800101002X", null),
            ]), "office"));
        Assert.Equal(["被害人或其家属", "犯罪嫌疑人或其家属", "诉讼代理人"], registered.Codes.Select(c => c.RoleName));
        Assert.All(registered.Codes, c => Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", c.Code));
        return (registered.Codes[0].Code, registered.Codes[1].Code, registered.Codes[2].Code);
    }

    private static Task<EventBatchResult> RecordAsync(TestDatabase database, string? source, params NewCaseEvent[] events) =>
        database.InScopeAsync(sp => sp.GetRequiredService<CaseRegistry>().RecordEventsAsync(events, source, "office"));

    private static Task<PartyCaseView?> QueryAsync(TestDatabase database, string? number, string? code, string? tail) =>
        database.InScopeAsync(sp => sp.GetRequiredService<PartyCaseQuery>().FindAsync(number, code, tail));

    private static Task<(int Cases, int Events, int Ledger)> CountsAsync(TestDatabase database) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            return (await db.Set<EnforcementCaseRecord>().CountAsync(), await db.Set<CaseEventRecord>().CountAsync(), await db.Ledger.CountAsync());
        });

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
