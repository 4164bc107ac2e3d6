using Disclosure.Core.ContentManagement;
using Disclosure.Core.Time;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Enforcement.Data;
using Disclosure.Interaction.Mailbox;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Supervision;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Supervision.Board;
using Disclosure.Supervision.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Supervision;

/// <summary>
/// The supervision board's clocks on SQLite and PostgreSQL, judged on Thu 2026-10-15 for October, across 中秋 (09-25…09-27
/// off, Sunday 09-20 worked) and 国庆 (10-01…10-07 off, Saturday 10-10 worked): due days counted on plain weekdays
/// would be wrong by up to a week, and every expected due day below is counted by hand on the 2026 calendar.
/// </summary>
public sealed class SupervisionClockTests
{
    private const string Own = "640121-103";     // 永宁县公安局
    private const string Other = "150627-103";   // 伊金霍洛旗公安局
    private static readonly ClockQuery October = new(D("2026-10-15"), D("2026-10-01"), D("2026-10-31"), Own, DueSoonWorkingDays: 3);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Proactive_disclosure_runs_20_working_days_from_the_written_date_and_a_correction_starts_no_clock(DatabaseProvider engine)
    {
        await using var database = await SeededAsync(engine);
        await SeedContentAsync(database);

        var entries = await EntriesAsync(database, "proactive", October);
        Assert.Equal(
            [
                ("changed v3", D("2026-10-13"), D("2026-11-10"), (DateOnly?)null, ClockState.Running),
                ("due-soon v1", D("2026-09-14"), D("2026-10-16"), null, ClockState.DueSoon),
                ("first-instant v1", D("2026-09-21"), D("2026-10-26"), D("2026-10-01"), ClockState.DoneOnTime),
                ("late v1", D("2026-09-10"), D("2026-10-14"), D("2026-10-15"), ClockState.DoneLate),
                ("on-time v1", D("2026-09-10"), D("2026-10-14"), D("2026-10-09"), ClockState.DoneOnTime),
                ("overdue v1", D("2026-08-03"), D("2026-08-31"), null, ClockState.Overdue),
            ],
            entries.Select(e => (e.Subject, e.StartedOn, e.DueOn, e.DoneOn, e.State)).OrderBy(e => e.Subject, StringComparer.Ordinal));
        Assert.Equal("/admin/content/on-time", entries.Single(e => e.Subject == "on-time v1").Link);

        // The whole installation sees the other agency's item too.
        var everywhere = await EntriesAsync(database, "proactive", October with { AgencyCode = null });
        Assert.Contains(everywhere, e => e.Subject == "elsewhere v1" && e.AgencyCode == Other && e.State == ClockState.Overdue);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_board_counts_every_registered_clock_per_department_and_its_lists_match_its_counts(DatabaseProvider engine)
    {
        await using var database = await SeededAsync(engine);
        await SeedOtherClocksAsync(database);

        var board = await database.InScopeAsync(sp => sp.GetRequiredService<SupervisionBoard>()
            .SummariesAsync(Own, SupervisionPeriod.Month(2026, 10), default));
        Assert.Equal(["proactive", "credit", "requests", "enforcement", "mailbox"], board.Select(c => c.Clock.Key));

        var credit = board.Single(c => c.Clock.Key == "credit");
        Assert.Equal(new StateCounts(0, 0, 1, 1, 0), credit.Total);
        Assert.Equal(["未指定部门"], credit.Departments.Select(d => d.Label));

        // Departments in the order the office lists them (法制大队 before 治安管理大队).
        var requests = board.Single(c => c.Clock.Key == "requests");
        Assert.Equal(
            [(new DepartmentKey(Own, "fzdd"), "法制大队", new StateCounts(0, 0, 1, 1, 0)), (new DepartmentKey(Own, "zagldd"), "治安管理大队", new StateCounts(0, 0, 1, 0, 0))],
            requests.Departments.Select(d => (d.Department, d.Label, d.Counts)));
        Assert.Equal(new StateCounts(0, 0, 1, 0, 0), board.Single(c => c.Clock.Key == "enforcement").Total);
        Assert.Equal(new StateCounts(0, 0, 1, 0, 0), board.Single(c => c.Clock.Key == "mailbox").Total);

        // What a count links to is exactly what it counted.
        var requestEntries = await EntriesAsync(database, "requests", October);
        Assert.Equal(
            [("2026-0001", D("2026-10-30"), ClockState.DoneOnTime), ("2026-0002", D("2026-09-29"), ClockState.Overdue), ("2026-0004", D("2026-09-29"), ClockState.Overdue)],
            requestEntries.Select(e => (e.Subject[..9], e.DueOn, e.State)).OrderBy(e => e.Item1, StringComparer.Ordinal));
        // The drill-down lists what still runs first, soonest due first, then what is done.
        var listed = await database.InScopeAsync(sp =>
        {
            var b = sp.GetRequiredService<SupervisionBoard>();
            Assert.Null(b.Find("no-such-clock"));
            return b.EntriesAsync(b.Find("requests")!, Own, SupervisionPeriod.Month(2026, 10), null, null, default);
        });
        Assert.Equal(["2026-0002", "2026-0004", "2026-0001"], listed.Select(e => e.Subject[..9]));
        var creditEntries = await EntriesAsync(database, "credit", October);
        Assert.Equal(
            [(D("2026-09-28"), D("2026-10-13"), ClockState.Overdue), (D("2026-10-09"), D("2026-10-19"), ClockState.DoneOnTime)],
            creditEntries.Select(e => (e.StartedOn, e.DueOn, e.State)).OrderBy(e => e.StartedOn));
        var overdueRequests = await database.InScopeAsync(sp =>
        {
            var b = sp.GetRequiredService<SupervisionBoard>();
            return b.EntriesAsync(b.Find("requests")!, Own, SupervisionPeriod.Month(2026, 10), ClockState.Overdue, new DepartmentKey(Own, "fzdd"), default);
        });
        Assert.Equal("2026-0002", Assert.Single(overdueRequests).Subject[..9]);

        // Another agency's board sees none of it.
        var other = await database.InScopeAsync(sp => sp.GetRequiredService<SupervisionBoard>().SummariesAsync(Other, SupervisionPeriod.Month(2026, 10), default));
        Assert.All(other.Where(c => c.Clock.Key != "proactive"), c => Assert.Equal(new StateCounts(0, 0, 0, 0, 0), c.Total));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task The_monthly_report_gives_the_boards_figures_cell_by_cell_in_its_files(DatabaseProvider engine)
    {
        await using var database = await SeededAsync(engine);
        await SeedContentAsync(database);
        await SeedOtherClocksAsync(database);
        await SeedBrokenLinksAsync(database);

        var report = await database.InScopeAsync(sp => sp.GetRequiredService<SupervisionReports>().MakeAsync(Own, SupervisionPeriod.Month(2026, 10), default));
        Assert.Equal("永宁县公安局政务公开督查督办月报（2026年10月）", report.Title);
        Assert.Equal(D("2026-10-15"), report.MadeOn);
        string[][] clocks =
        [
            ["主动公开", "1", "1", "1", "2", "1", "50.0%"],
            ["双公示", "0", "0", "1", "1", "0", "50.0%"],
            ["依申请公开答复", "0", "0", "2", "1", "0", "33.3%"],
            ["执法公开", "0", "0", "1", "0", "0", "0.0%"],
            ["局长信箱答复", "0", "0", "1", "0", "0", "0.0%"],
        ];
        Assert.Equal(clocks, report.ClockRows().Select(r => r.ToArray()));
        // Most arrears first, then by name (ordinal): 未指定部门 carries the 主动公开 draft and the 双公示 licence, 治安管理大队 a letter and an application.
        string[][] departments =
        [
            ["未指定部门", "2", "0", "2"],
            ["治安管理大队", "2", "0", "2"],
            ["刑侦大队", "1", "0", "1"],
            ["指挥中心", "0", "1", "1"],
            ["法制大队", "1", "0", "1"],
        ];
        Assert.Equal(departments, report.DepartmentRows().Select(r => r.ToArray()));
        // No seeded item names a 目录 class: every class is empty.
        var classCount = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().CatalogueClasses.CountAsync());
        Assert.Equal(classCount, report.Classes.Count);
        Assert.All(report.ClassRows(), r => Assert.Equal("空白栏目", r[3]));
        // 死链 of published items only, per department in the office's order: the draft's and the other agency's are not counted.
        string[][] links = [["指挥中心", "2"], ["治安管理大队", "1"]];
        Assert.Equal(links, report.BrokenLinkRows().Select(r => r.ToArray()));
        Assert.Equal((6, 1, 0, classCount, 3), (report.Overdue, report.DoneLate, report.StaleClasses, report.EmptyClasses, report.BrokenLinkCount));

        // The XLSX holds the same cells: the clocks under their headers, a blank row, then each further table with its headers.
        var xlsx = await SupervisionReportFiles.ToXlsxAsync(report);
        using var reader = Disclosure.Media.Tables.TableFiles.Open(new MemoryStream(xlsx));
        var rows = reader.Rows().Select(r => r.Cells.ToArray()).ToList();
        Assert.Equal(SupervisionMonthReport.ClockHeaders, rows[0]);
        Assert.Equal(clocks, rows.Skip(1).Take(5));
        Assert.Equal(SupervisionMonthReport.DepartmentHeaders, rows[7].Take(4));
        Assert.Equal(departments, rows.Skip(8).Take(5).Select(r => r.Take(4).ToArray()));
        Assert.Equal(SupervisionMonthReport.ClassHeaders, rows[14].Take(4));
        Assert.Equal(SupervisionMonthReport.BrokenLinkHeaders, rows[16 + classCount].Take(2));
        Assert.Equal(links, rows.Skip(17 + classCount).Select(r => r.Take(2).ToArray()));

        // The DOCX is a Word document with the title and the four tables.
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(SupervisionReportFiles.ToDocx(report)), false);
        var body = docx.MainDocumentPart!.Document.Body!;
        Assert.Contains(report.Title, body.InnerText);
        Assert.Equal(4, body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count());
    }

    /// <summary>Items of 永宁县公安局 (and one of 伊金霍洛旗) on the 主动公开 clock.</summary>
    private static async Task SeedContentAsync(TestDatabase database)
    {
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            // Written Thu 09-10: the 20th working day is Wed 10-14 (09-20 and 10-10 worked, 中秋 and 国庆 off).
            Item(db, "on-time", Own, "zhzx", (ContentStatus.Published, "2026-09-10", "2026-10-09"));
            Item(db, "late", Own, "zhzx", (ContentStatus.Published, "2026-09-10", "2026-10-15"));
            // Published in September and corrected in October under the same 成文日期: the same information, no clock;
            // then a new 成文日期 in a draft: a new clock, due Tue 11-10.
            Item(db, "changed", Own, "zagldd",
                (ContentStatus.Archived, "2026-09-01", "2026-09-04"), (ContentStatus.Published, "2026-09-01", "2026-10-12"), (ContentStatus.Draft, "2026-10-13", null));
            // Written Mon 09-14, still in review: due Fri 10-16, one working day left.
            Item(db, "due-soon", Own, "zagldd", (ContentStatus.InReview, "2026-09-14", null));
            Item(db, "overdue", Own, null, (ContentStatus.Draft, "2026-08-03", null));
            Item(db, "no-date", Own, "zhzx", (ContentStatus.Draft, null, null));
            Item(db, "elsewhere", Other, "bgs", (ContentStatus.Draft, "2026-08-03", null));
            Item(db, "last-month", Own, "zhzx", (ContentStatus.Published, "2026-08-03", "2026-09-30"));
            // Changed in September and corrected in October: the correction keeps the latest 成文日期, not the first.
            Item(db, "twice", Own, "zhzx",
                (ContentStatus.Archived, "2026-08-03", "2026-08-10"), (ContentStatus.Archived, "2026-09-01", "2026-09-02"), (ContentStatus.Published, "2026-09-01", "2026-10-20"));
            // The month's edges, Beijing time: the first instant of October is in it, the first of November is not.
            Item(db, "first-instant", Own, "zhzx", (ContentStatus.Published, "2026-09-21", "2026-10-01T00:00"));
            Item(db, "next-month", Own, "zhzx", (ContentStatus.Published, "2026-10-20", "2026-11-01T00:00"));
            await db.SaveChangesAsync();
        });
    }

    /// <summary>死链 as the checker leaves them: two in a published item of 指挥中心, one in 治安管理大队's corrected item, one in a draft, one of the other agency.</summary>
    private static async Task SeedBrokenLinksAsync(TestDatabase database)
    {
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            foreach (var (item, agency, department, url) in new[]
            {
                ("on-time", Own, "zhzx", "/content/gone"), ("on-time", Own, "zhzx", "/media/missing.pdf"), ("changed", Own, "zagldd", "/content/gone"),
                ("overdue", Own, (string?)null, "/content/gone"), ("elsewhere-published", Other, "bgs", "/content/gone"),
            })
            {
                db.Set<Disclosure.Supervision.Links.BrokenLink>().Add(new Disclosure.Supervision.Links.BrokenLink
                {
                    ContentItemId = item, AgencyCode = agency, DepartmentCode = department, Url = url, UrlHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(url))),
                    Reason = "404 页面不存在", StatusCode = 404, FirstSeenUtc = DateTime.UtcNow, LastCheckedUtc = DateTime.UtcNow,
                });
            }

            Item(db, "elsewhere-published", Other, "bgs", (ContentStatus.Published, "2026-10-09", "2026-10-09"));
            await db.SaveChangesAsync();
        });
    }

    /// <summary>One or two items on each of the other clocks, all of 永宁县公安局.</summary>
    private static async Task SeedOtherClocksAsync(TestDatabase database)
    {
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            // 双公示, 7 working days: decided Mon 09-28 → due Tue 10-13, still a draft: overdue. Decided Fri 10-09,
            // published Mon 10-12 → due Mon 10-19: on time. A minor's penalty is never published and runs no clock.
            db.Set<CreditLicenceRecord>().Add(Licence("许可〔2026〕1号", "2026-09-28", published: null));
            db.Set<CreditPenaltyRecord>().Add(Penalty("处罚〔2026〕2号", "2026-10-09", published: "2026-10-12", minor: false));
            db.Set<CreditPenaltyRecord>().Add(Penalty("处罚〔2026〕3号", "2026-09-01", published: null, minor: true));
            // 依申请公开, 20 working days from receipt: received Mon 09-28, answered 10-14 (due Fri 10-30); received
            // Tue 09-01 and still open (due Tue 09-29): overdue; waiting for 补正: no clock.
            db.Set<InformationRequestRecord>().Add(Request("2026-0001", "2026-09-28", RequestStage.Closed, closed: "2026-10-14", department: "fzdd"));
            db.Set<InformationRequestRecord>().Add(Request("2026-0002", "2026-09-01", RequestStage.Processing, closed: null, department: "fzdd"));
            db.Set<InformationRequestRecord>().Add(Request("2026-0003", "2026-09-01", RequestStage.AwaitingCorrection, closed: null, department: "fzdd"));
            db.Set<InformationRequestRecord>().Add(Request("2026-0004", "2026-09-01", RequestStage.Processing, closed: null, department: "zagldd"));
            await db.SaveChangesAsync();

            // 执法公开, 5 working days: formed Wed 09-30 and still held → due Tue 10-13: overdue.
            var kase = new EnforcementCaseRecord
            {
                AgencyCode = Own, Number = "A-2026-1", KindCode = "criminal", UnitName = "刑侦大队", UnitContact = "0951-0000000",
                AcceptedOn = D("2026-09-28"), StageCode = "accepted", CreatedBy = "office", CreatedUtc = DateTime.UtcNow,
            };
            db.Set<EnforcementCaseRecord>().Add(kase);
            await db.SaveChangesAsync();
            db.Set<CaseEventRecord>().Add(new CaseEventRecord { CaseId = kase.Id, TypeCode = "filed", DocumentName = "立案决定书", FormedOn = D("2026-09-30"), RecordedBy = "office", RecordedUtc = DateTime.UtcNow });

            // 局长信箱: received long ago and unanswered: overdue.
            db.Set<LetterRecord>().Add(new LetterRecord
            {
                AgencyCode = Own, Number = "XX-2026-0001", TrackingCode = "T1", Kind = LetterKind.Consultation, Subject = "户口迁移", Body = "…",
                ReceivedOn = D("2026-08-03"), ReceivedMonth = 202608, ReceivedUtc = DateTime.UtcNow, Stage = LetterStage.Drafting, DepartmentCode = "zagldd",
            });
            await db.SaveChangesAsync();
        });
    }

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider engine)
    {
        var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-10-15"));
        await database.ApplySetupAndDemoOfficeAsync();
        return database;
    }

    private static Task<IReadOnlyList<ClockEntry>> EntriesAsync(TestDatabase database, string key, ClockQuery query) =>
        database.InScopeAsync(sp => sp.GetServices<ISupervisionClock>().Single(c => c.Key == key).EntriesAsync(query, default));

    /// <summary>An item with its versions in order: (status, 成文日期, Beijing publication date at 10:00, or yyyy-MM-ddTHH:mm exactly).</summary>
    private static void Item(DisclosureDbContext db, string id, string agency, string? department, params (ContentStatus Status, string? Written, string? Published)[] versions)
    {
        var item = new ContentItemRecord
        {
            ContentItemId = id, ContentType = "Notice", AgencyCode = agency, DepartmentCode = department,
            CreatedUtc = DateTime.UtcNow, LatestVersionNumber = versions.Length,
        };
        for (var i = 0; i < versions.Length; i++)
        {
            var (status, written, published) = versions[i];
            item.Versions.Add(new ContentVersionRecord
            {
                Number = i + 1, Status = status, ContentType = "Notice", Title = $"{id} v{i + 1}", DataJson = "{}", ContentHash = new string('0', 64),
                AgencyCode = agency, WrittenDate = written is null ? null : D(written), CreatedUtc = DateTime.UtcNow,
                PublishedUtc = published switch
                {
                    null => null,
                    { Length: 16 } exact => ChinaTime.StartOfDayUtc(D(exact[..10])).Add(TimeSpan.Parse(exact[11..], System.Globalization.CultureInfo.InvariantCulture)),
                    _ => ChinaTime.StartOfDayUtc(D(published)).AddHours(10),
                },
            });
        }

        db.ContentItems.Add(item);
    }

    private static CreditLicenceRecord Licence(string number, string decided, string? published) => Stamp(new CreditLicenceRecord(), number, decided, published, minor: false);

    private static CreditPenaltyRecord Penalty(string number, string decided, string? published, bool minor)
    {
        var penalty = Stamp(new CreditPenaltyRecord(), number, decided, published, minor);
        penalty.PublicationEnd = D(decided).AddYears(1);
        penalty.Severity = Severity.General;
        return penalty;
    }

    private static T Stamp<T>(T record, string number, string decided, string? published, bool minor) where T : CreditRecordBase
    {
        record.AgencyCode = Own;
        record.PartyName = record.PublicPartyName = "某某商贸有限公司";
        record.DecisionNumber = record.DecisionNumberKey = number;
        record.DecisionDate = D(decided);
        record.PartyIsMinor = minor;
        record.Status = published is null ? CreditRecordStatus.Draft : CreditRecordStatus.Published;
        record.PublishedUtc = published is null ? null : ChinaTime.StartOfDayUtc(D(published)).AddHours(9);
        record.CreatedBy = record.UpdatedBy = "office";
        return record;
    }

    private static InformationRequestRecord Request(string number, string received, RequestStage stage, string? closed, string department) => new()
    {
        AgencyCode = Own, Number = number, TrackingCode = "T" + number, RegisteredBy = "office", Description = "申请公开某事项的有关文件",
        ConcurrencyStamp = Guid.NewGuid().ToString("n"), ReceivedOn = D(received), ClockStartOn = D(received), Stage = stage,
        ClosedOn = closed is null ? null : D(closed), DepartmentCode = department, RegisteredUtc = DateTime.UtcNow,
    };

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
