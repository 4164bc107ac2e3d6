using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Disclosure.Channels.Notices;
using Disclosure.Channels.Outbox;
using Disclosure.Channels.Webhooks;
using Disclosure.Core.Tables;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Storage.Tests.Enforcement;

/// <summary>
/// Events coming in from the case-handling system: idempotent by the source's event id, a batch refused whole with
/// every problem in zh-CN, the date and vocabulary rules, the table import's rows, and the party step notices.
/// </summary>
public sealed class ImportTests
{
    private const string Today = "2026-11-23";
    private const string Source = "jz-system";
    private const string Number = "A6401215100002026110001";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static async Task<TestDatabase> DatabaseAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At(Today));
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static NewCase CriminalCase(string number = Number, bool notify = false) => new(
        number, "criminal", "永宁县公安局刑事侦查大队", "0951-8011110", new DateOnly(2026, 11, 2),
        [new NewParty("victim", "（测试）马某", null, "13995110031", notify), new NewParty("suspect", "（测试）杨某家属", "640121198804171234", null, notify)]);

    private static Task<RegisteredCase> RegisterAsync(TestDatabase database, NewCase input) =>
        database.InScopeAsync(sp => sp.GetRequiredService<CaseRegistry>().RegisterAsync(input, "office"));

    private static Task<EventBatchResult> RecordAsync(TestDatabase database, IReadOnlyList<NewCaseEvent> events, bool dryRun = false, string? source = Source) =>
        database.InScopeAsync(sp => sp.GetRequiredService<CaseRegistry>().RecordEventsAsync(events, source, "api:" + source, dryRun));

    private static async Task<CaseInputException> RefusedAsync(TestDatabase database, IReadOnlyList<NewCaseEvent> events) =>
        await Assert.ThrowsAsync<CaseInputException>(() => RecordAsync(database, events));

    private static Task<(int Events, int Ledger, string Stage)> StateAsync(TestDatabase database, string number = Number) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var found = await db.Set<EnforcementCaseRecord>().SingleAsync(c => c.Number == number);
            return (await db.Set<CaseEventRecord>().CountAsync(e => e.CaseId == found.Id), await db.Ledger.CountAsync(), found.StageCode);
        });

    private static NewCaseEvent Filed(string id = "e-1", string date = "2026-11-05", string number = Number) =>
        new(number, "filed", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), DocumentNumber: "永公（刑）立字〔2026〕101号", SourceEventId: id);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_same_event_sent_twice_is_stored_once(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        await RegisterAsync(database, CriminalCase());

        var dry = await RecordAsync(database, [Filed()], dryRun: true);
        Assert.Equal((1, 0), (dry.Added, dry.AlreadyPresent));
        Assert.Equal(1, (await StateAsync(database)).Events);

        var first = await RecordAsync(database, [Filed()]);
        var second = await RecordAsync(database, [Filed(), Filed("e-2", "2026-11-06") with { Type = "立案" }]);
        Assert.Equal((1, 0), (first.Added, first.AlreadyPresent));
        Assert.Equal((1, 1), (second.Added, second.AlreadyPresent));
        Assert.Equal([0], second.AlreadyPresentItems);
        var (events, _, stage) = await StateAsync(database);
        Assert.Equal((3, "filed"), (events, stage)); // 受案 + two 立案 (the second by its zh-CN name)

        // Another source's event with the same id is another event.
        Assert.Equal(1, (await RecordAsync(database, [Filed()], source: "other-system")).Added);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_batch_with_one_bad_row_changes_nothing_and_says_why_in_chinese(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        await RegisterAsync(database, CriminalCase());
        var before = await StateAsync(database);

        var refused = await RefusedAsync(database,
        [
            Filed("e-1"),
            new NewCaseEvent(Number, "solved", new DateOnly(2026, 11, 24), SourceEventId: "e-2"),
            new NewCaseEvent(Number, "prosecution", new DateOnly(2026, 11, 20), SourceEventId: "e-3"),
        ]);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(("第 2 条", 1), (error.Where, error.Item));
        Assert.Equal("形成日期 2026-11-24 晚于今天。", error.Message);
        Assert.Equal(before, await StateAsync(database));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Dates_in_the_future_or_before_the_case_was_accepted_are_refused(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        await RegisterAsync(database, CriminalCase());
        var refused = await RefusedAsync(database, [Filed("e-1", "2026-11-24"), Filed("e-2", "2026-11-01"), Filed("e-3", "2026-11-02")]);
        Assert.Equal(
            [("第 1 条", "形成日期 2026-11-24 晚于今天。"), ("第 2 条", "形成日期 2026-11-01 早于受案日期 2026-11-02。")],
            refused.Errors.Select(e => (e.Where, e.Message)));
        Assert.Equal(1, (await StateAsync(database)).Events);
    }

    [Fact]
    public async Task A_type_of_another_kind_an_unknown_case_and_a_missing_source_id_are_refused()
    {
        await using var database = await DatabaseAsync(DatabaseProvider.Sqlite);
        await RegisterAsync(database, CriminalCase());
        var refused = await RefusedAsync(database,
        [
            new NewCaseEvent(Number, "penalty-decision", new DateOnly(2026, 11, 5), SourceEventId: "e-1"), // an administrative case's
            new NewCaseEvent(Number, "accepted", new DateOnly(2026, 11, 5), SourceEventId: "e-2"),
            Filed("e-3", number: "A0000000000000000000000"),
            Filed(id: " "),
            new NewCaseEvent(Number, "coercive-measure", new DateOnly(2026, 11, 5), SourceEventId: "e-4"), // 强制措施种类 missing
            Filed("e-3"),
        ]);
        Assert.Equal([0, 1, 2, 3, 4, 5], refused.Errors.Select(e => e.Item!.Value));
        Assert.StartsWith("“penalty-decision”不是刑事案件的办理环节（可用：filed 立案、", refused.Errors[0].Message);
        Assert.Equal("“受案”随案件登记，不能再次添加。", refused.Errors[1].Message);
        Assert.Equal("案件 A0000000000000000000000 未登记。", refused.Errors[2].Message);
        Assert.Equal("缺少来源事件编号。", refused.Errors[3].Message);
        Assert.Equal("“采取刑事强制措施”须填写强制措施种类。", refused.Errors[4].Message);
        Assert.Equal("来源事件编号 e-3 在本批中重复。", refused.Errors[5].Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_role_the_kind_does_not_know_refuses_the_case(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        var input = CriminalCase() with { Parties = [new NewParty("applicant", "（测试）申请人", null, "13995110031")] };
        var refused = await Assert.ThrowsAsync<CaseInputException>(() => RegisterAsync(database, input));
        var error = Assert.Single(refused.Errors);
        Assert.Equal("第 1 名当事人", error.Where);
        Assert.StartsWith("“applicant”不是刑事案件的当事人身份（可用：complainant 控告人、", error.Message);
        Assert.Equal(0, await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<EnforcementCaseRecord>().CountAsync(c => c.Number == Number)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_large_batch_is_written_in_chunks_with_one_ledger_entry_and_each_case_stage_set(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        var numbers = Enumerable.Range(1, 30).Select(i => $"A64012151000020261100{i:00}").ToList();
        foreach (var number in numbers)
        {
            await RegisterAsync(database, CriminalCase(number));
        }

        var ledger = (await StateAsync(database, numbers[0])).Ledger;
        // 2,400 events: three write chunks; each case's latest (by 形成日期) is its 移送审查起诉.
        var events = numbers.SelectMany(n => Enumerable.Range(0, 80).Select(i => new NewCaseEvent(
            n, i == 40 ? "prosecution" : "appraisal", new DateOnly(2026, 11, i == 40 ? 20 : 3 + (i % 15)), SourceEventId: $"{n}-{i}"))).ToList();
        var result = await RecordAsync(database, events);
        Assert.Equal((2400, 0, 30), (result.Added, result.AlreadyPresent, result.CaseNumbers.Count));
        foreach (var number in new[] { numbers[0], numbers[29] })
        {
            var (count, entries, stage) = await StateAsync(database, number);
            Assert.Equal((81, ledger + 1, "prosecution"), (count, entries, stage));
        }

        var again = await RecordAsync(database, events, dryRun: true);
        Assert.Equal((0, 2400), (again.Added, again.AlreadyPresent));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_table_is_checked_row_by_row_and_imported_all_or_nothing(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        await RegisterAsync(database, CriminalCase());
        var header = string.Join(",", CaseEventImporter.Columns);
        var bad = Csv(header,
            $"t-1,{Number},立案,2026-11-05,立案告知书,永公（刑）立字〔2026〕101号,,是",
            $"t-2,{Number},hearing,2026-11-06,,,,是",
            $"t-3,{Number},破案,2026-11-31,,,,也许",
            $"t-4,{Number},破案,2026-11-24,,,,否");
        var refused = await ImportAsync(database, bad, dryRun: true);
        Assert.Equal(
            [(4, "形成日期", ImportProblemKind.BadDate), (4, "是否公开", ImportProblemKind.UnknownOption)],
            refused.Report.Problems.Select(p => (p.Row, p.Column, p.Kind)));

        // With the file's own mistakes mended, the registry's rules are reported by row too.
        var ruled = Csv(header,
            $"t-1,{Number},立案,2026-11-05,立案告知书,永公（刑）立字〔2026〕101号,,是",
            $"t-2,{Number},hearing,2026-11-06,,,,是",
            $"t-3,{Number},破案,2026-11-30,,,,否");
        var report = (await ImportAsync(database, ruled, dryRun: false)).Report;
        Assert.Equal([(3, "办理环节"), (4, "形成日期")], report.Problems.Select(p => (p.Row, p.Column)));
        Assert.Equal(1, (await StateAsync(database)).Events);

        var good = Csv(header,
            $"t-1,{Number},立案,2026-11-05,立案告知书,永公（刑）立字〔2026〕101号,,是",
            "",
            $"t-3,{Number},solved,2026/11/20,,,,否");
        var preview = await ImportAsync(database, good, dryRun: true);
        Assert.True(preview.IsClean);
        Assert.Equal((2, 2, 0), (preview.Report.Rows, preview.Added, preview.AlreadyPresent));
        Assert.Equal([(2, false), (4, false)], preview.Preview.Select(p => (p.Row, p.AlreadyPresent)));
        var imported = await ImportAsync(database, good, dryRun: false);
        Assert.Equal(2, imported.Added);
        var again = await ImportAsync(database, good, dryRun: true);
        Assert.Equal((0, 2), (again.Added, again.AlreadyPresent));
        Assert.All(again.Preview, p => Assert.True(p.AlreadyPresent));
        var (events, _, stage) = await StateAsync(database);
        // The imported 破案 is held (是否公开 否): the public stage stays at the last visible step.
        Assert.Equal((3, "filed"), (events, stage));
    }

    [Fact]
    public async Task A_header_not_the_templates_is_reported_before_any_row()
    {
        await using var database = await DatabaseAsync(DatabaseProvider.Sqlite);
        var result = await ImportAsync(database, Csv("案件编号,办理环节,形成日期,备注", $"{Number},立案,2026-11-05,x"), dryRun: true);
        Assert.Equal(
            [(1, "备注", ImportProblemKind.UnknownColumn), (1, "来源事件编号", ImportProblemKind.MissingColumn)],
            result.Report.Problems.Select(p => (p.Row, p.Column, p.Kind)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_party_who_asked_is_notified_once_per_new_visible_step_their_role_sees(DatabaseProvider engine)
    {
        await using var database = await DatabaseAsync(engine);
        database.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.Endpoints.Add(new WebhookEndpoint { Name = "sms", Url = "http://127.0.0.1:9/", Secret = "s" });
        var registered = await RegisterAsync(database, CriminalCase(notify: true));
        var victim = registered.Codes[0].PartyId;
        var suspect = registered.Codes[1].PartyId;

        await RecordAsync(database,
        [
            Filed("e-1"), // the victim sees 立案, the suspect does not
            new NewCaseEvent(Number, "appraisal", new DateOnly(2026, 11, 6), SourceEventId: "e-2", Visible: false), // held back: nobody yet
            new NewCaseEvent(Number, "coercive-measure", new DateOnly(2026, 11, 7), Detail: "刑事拘留", SourceEventId: "e-3"), // both
        ]);
        await RecordAsync(database, [Filed("e-1")]); // sent again: no new notice
        var notices = await NoticesAsync(database);
        Assert.Equal(3, notices.Count);
        Assert.All(notices, n => Assert.Equal(("app", "sms", "notice/enforcement-step", OutboxState.Pending), (n.Channel, n.Target, n.ContentType, n.State)));

        var heldBack = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<CaseEventRecord>().SingleAsync(e => e.SourceEventId == "e-2"));
        Assert.True(await database.InScopeAsync(sp => sp.GetRequiredService<CaseRegistry>().ReleaseAsync(heldBack.Id, "office")));
        notices = await NoticesAsync(database);
        Assert.Equal(4, notices.Count); // 鉴定意见 only to the suspect
        Assert.EndsWith($".{suspect}", notices[^1].ContentItemId);

        // What the app or SMS gateway receives: the case, the step and its date, the party's opaque id, no personal data.
        var reference = OutboxNotices.ReferenceOf(notices[0])!;
        var payload = await database.InScopeAsync(sp => sp.GetServices<INoticeSource>().Single(s => s.Type == "enforcement-step").LoadAsync(reference, default));
        var notice = Assert.IsType<CaseStepNotice>(payload);
        Assert.Equal((Number, "刑事案件", "立案", "2026-11-05", victim), (notice.CaseNumber, notice.Kind, notice.Step, notice.FormedOn, notice.PartyId));
        var json = JsonSerializer.Serialize(payload, Readable);
        Assert.Contains($"\"caseNumber\":\"{Number}\"", json);
        Assert.Contains($"\"partyId\":{victim}", json);
        Assert.DoesNotContain("13995110031", json);
        Assert.DoesNotContain("马某", json);

        // Notices are not publications: the annual report's count of deliveries leaves them out.
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            await db.Set<OutboxMessage>().ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Sent).SetProperty(m => m.SentUtc, new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc)));
            Assert.Equal(0, await DeliveredPublications.Between(db, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)).CountAsync());
        });
    }

    private static Task<List<OutboxMessage>> NoticesAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<OutboxMessage>().Where(m => m.ContentType.StartsWith("notice/")).OrderBy(m => m.Id).ToListAsync());

    private static Task<CaseEventImportResult> ImportAsync(TestDatabase database, byte[] file, bool dryRun) =>
        database.InScopeAsync(async sp =>
        {
            using var reader = CsvTableReader.Open(new MemoryStream(file));
            return await sp.GetRequiredService<CaseEventImporter>().RunAsync(reader, "upload", "editor", dryRun);
        });

    private static byte[] Csv(params string[] lines) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];
}
