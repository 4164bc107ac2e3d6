using Disclosure.AnnualReports.Models;
using Disclosure.AnnualReports.Services;
using Disclosure.Contents.Review;
using Disclosure.Core.Security;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Requests.Statistics;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.AnnualReports;

/// <summary>
/// 集约化 on SQLite and PostgreSQL: each agency's report counts its own applications, appeals and 双公示 decisions
/// only, and a parent's roll-up is its subtree's figures added cell by cell. The demo tree: 内蒙古自治区公安厅 →
/// 鄂尔多斯市公安局 → { 伊金霍洛旗公安局, 东胜区分局 }; 永宁县公安局 is another root whose records must not leak in.
/// </summary>
public sealed class AgencyReportTests
{
    private const string Region = "150000-103";
    private const string City = "150600-103";
    private const string Banner = "150627-103";
    private const string District = "150602-103";
    private const string YongNing = "640121-103";

    private static readonly Actor Office = new("office", new HashSet<string> { RoleNames.InformationOffice }, "zhzx");
    private static readonly Actor Head = new("head", new HashSet<string> { RoleNames.DepartmentReviewer }, "zhzx");
    private static readonly Actor Secrecy = new("secrecy", new HashSet<string> { RoleNames.SecrecyOfficer });
    private static readonly Actor Leader = new("leader", new HashSet<string> { RoleNames.Leader });
    private static readonly Actor Publisher = new("publisher", new HashSet<string> { RoleNames.InformationOffice });

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_agency_counts_its_own_records_and_the_parent_rolls_them_up_cell_by_cell(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-01-10"));
        await database.ApplySetupAndDemoOfficeAsync();
        await SeedAsync(database);

        var banner = await Compute(database, Banner);
        var district = await Compute(database, District);
        var city = await Compute(database, City);

        // Table 二: 行政许可 and 行政处罚 decided in 2025 and 公示 (or since 信用修复), per owning agency.
        Assert.Equal((2, 1), (banner.Proactive.Licensing, banner.Proactive.Penalty));
        Assert.Equal((0, 2), (district.Proactive.Licensing, district.Proactive.Penalty));
        Assert.Equal((1, 0), (city.Proactive.Licensing, city.Proactive.Penalty));

        // Tables 三 and 四, every cell: the expected tables built from the hand counts below.
        AssertTables(banner,
            received: new(2, 1, 0, 0, 0, 0), carriedOver: new(0, 0, 1, 0, 0, 0), carriedForward: new(0, 1, 0, 0, 0, 0),
            outcomes: new()
            {
                [RequestOutcome.Disclosed] = new(1, 0, 0, 0, 0, 0),
                [RequestOutcome.WithheldProcessInformation] = new(1, 0, 0, 0, 0, 0),
                [RequestOutcome.UnavailableNotHeld] = new(0, 0, 1, 0, 0, 0),
            },
            appeals: new AppealTable(2025, new(1, 0, 0, 0), default, default));
        AssertTables(district,
            received: new(0, 0, 0, 0, 1, 1), carriedOver: ApplicantCounts.Zero, carriedForward: ApplicantCounts.Zero,
            outcomes: new()
            {
                [RequestOutcome.Disclosed] = new(0, 0, 0, 0, 0, 1),
                [RequestOutcome.PartiallyDisclosed] = new(0, 0, 0, 0, 1, 0),
            },
            appeals: new AppealTable(2025, default, new(0, 0, 0, 1), default));
        AssertTables(city,
            received: new(0, 0, 0, 1, 0, 0), carriedOver: ApplicantCounts.Zero, carriedForward: ApplicantCounts.Zero,
            outcomes: new() { [RequestOutcome.NotProcessedRepeated] = new(0, 0, 0, 1, 0, 0) },
            appeals: new AppealTable(2025, default, default, default));
        Assert.Empty(banner.Applications.CheckConsistency());

        // The city's roll-up: the city itself and its two subordinates, and every cell their sum.
        var rollup = (await database.InScopeAsync(sp => sp.GetRequiredService<ReportRollup>().ComputeAsync(City, 2025)))!;
        Assert.Equal([City, District, Banner], rollup.Agencies.Select(a => a.Code).Order(StringComparer.Ordinal));
        Assert.Equal(0, rollup.Agencies.Single(a => a.Code == City).Depth);
        Assert.Equal(1, rollup.Agencies.Single(a => a.Code == Banner).Depth);
        var parts = new[] { banner, district, city };
        var total = rollup.Total.Cells();
        Assert.Equal(banner.Cells().Select(c => c.Key), total.Select(c => c.Key));
        foreach (var cell in total)
        {
            Assert.True(parts.Sum(p => p.Cells().Single(c => c.Key == cell.Key).Value) == cell.Value, $"{cell.Describe()}: roll-up {cell.Value}");
        }

        // By hand: 3 许可, 3 处罚; 新收 自然人 2 商业 1 公益 1 法律 1 其他 1; 复议维持 1, 直接起诉尚未审结 1.
        Assert.Equal((3, 3), (rollup.Total.Proactive.Licensing, rollup.Total.Proactive.Penalty));
        Assert.Equal(new ApplicantCounts(2, 1, 0, 1, 1, 1), rollup.Total.Applications.NewApplications.Counts);
        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0], rollup.Total.Appeals.Cells);
        Assert.Empty(rollup.Total.Applications.CheckConsistency());
        // Each agency's figures in the breakdown are its own report's.
        Assert.Equal(banner.Cells(), rollup.Agencies.Single(a => a.Code == Banner).Figures.Cells());

        // The XLSX breakdown: a row per cell, a column per agency and 合计.
        var (headers, rows) = ReportRollup.Breakdown(rollup);
        Assert.Equal(["表", "行", "列", .. rollup.Agencies.Select(a => a.Name), "合计"], headers);
        var penaltyRow = rows.Single(r => r[1] == ProactiveTableLabels.Penalty);
        Assert.Equal("3", penaltyRow[^1]);

        // The region above has no records of its own: its roll-up is the city's, over four agencies; 永宁 stays out.
        var region = (await database.InScopeAsync(sp => sp.GetRequiredService<ReportRollup>().ComputeAsync(Region, 2025)))!;
        Assert.Equal(4, region.Agencies.Count);
        Assert.Equal(total, region.Total.Cells());
        var yongNing = await Compute(database, YongNing);
        Assert.Equal((1, 1), (yongNing.Applications.NewApplications.Counts.Total, yongNing.Proactive.Penalty));
        Assert.Equal([0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], yongNing.Appeals.Cells);
        Assert.Null(await database.InScopeAsync(sp => sp.GetRequiredService<ReportRollup>().ComputeAsync("no-such-agency", 2025)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Completion_lists_who_published_when_and_who_is_late(DatabaseProvider engine)
    {
        var clock = TestClock.At("2026-01-20");
        await using var database = await TestDatabase.CreateAsync(engine, clock: clock);
        await database.ApplySetupAndDemoOfficeAsync();

        // 伊金霍洛旗 publishes on time; 东胜区 has a draft; the city has nothing yet.
        var banner = await database.InScopeAsync(sp => sp.GetRequiredService<AnnualReportService>().CreateDraftAsync(Banner, 2025, "office"));
        await database.InScopeAsync(sp => sp.GetRequiredService<AnnualReportService>().CreateDraftAsync(District, 2025, "office"));
        var submitted = await database.InScopeAsync(sp => sp.GetRequiredService<AnnualReportService>().SubmitAsync(banner.Id, banner.ConcurrencyStamp, null, true, Office));
        await database.InScopeAsync(async sp =>
        {
            var workflow = sp.GetRequiredService<WorkflowService>();
            await workflow.ApproveAsync(submitted.ReviewId, Head, "同意");
            await workflow.ApproveAsync(submitted.ReviewId, Secrecy, "未发现涉密内容");
            await workflow.ApproveAsync(submitted.ReviewId, Leader, "同意发布");
            await workflow.PublishAsync(submitted.ContentItemId, Publisher);
        });

        var before = (await database.InScopeAsync(sp => sp.GetRequiredService<ReportCompletion>().ComputeAsync(City, 2025)))!;
        Assert.Equal(new DateOnly(2026, 1, 31), before.Deadline);
        Assert.False(before.DeadlinePassed);
        Assert.Equal(1, before.PublishedCount);
        var rows = before.Rows.ToDictionary(r => r.Code);
        Assert.Equal((CompletionState.Published, (DateOnly?)new DateOnly(2026, 1, 20), false), (rows[Banner].State, rows[Banner].PublishedOn, rows[Banner].Overdue));
        Assert.Equal((CompletionState.Draft, false), (rows[District].State, rows[District].Overdue));
        Assert.Equal((CompletionState.NotStarted, (long?)null, false), (rows[City].State, rows[City].ReportId, rows[City].Overdue));

        // After 31 January the unpublished ones are late; the one published in time is not.
        clock.Set("2026-02-01");
        var after = (await database.InScopeAsync(sp => sp.GetRequiredService<ReportCompletion>().ComputeAsync(City, 2025)))!;
        Assert.True(after.DeadlinePassed);
        var late = after.Rows.ToDictionary(r => r.Code);
        Assert.Equal((false, true, true), (late[Banner].Overdue, late[District].Overdue, late[City].Overdue));
    }

    private static Task<AnnualReportFigures> Compute(TestDatabase database, string agency) =>
        database.InScopeAsync(sp => sp.GetRequiredService<ReportStatistics>().ComputeAsync(agency, 2025));

    private static void AssertTables(AnnualReportFigures actual, ApplicantCounts received, ApplicantCounts carriedOver, ApplicantCounts carriedForward,
        Dictionary<RequestOutcome, ApplicantCounts> outcomes, AppealTable appeals)
    {
        var expected = ApplicationTable.FromCounts(2025, received, carriedOver, outcomes, carriedForward);
        Assert.Equal(expected.Rows.Count, actual.Applications.Rows.Count);
        for (var r = 0; r < expected.Rows.Count; r++)
        {
            Assert.True(expected.Rows[r].Counts.Cells.SequenceEqual(actual.Applications.Rows[r].Counts.Cells),
                $"“{expected.Rows[r].Label}”: expected [{string.Join(",", expected.Rows[r].Counts.Cells)}], got [{string.Join(",", actual.Applications.Rows[r].Counts.Cells)}]");
        }

        Assert.Equal(appeals.Cells, actual.Appeals.Cells);
    }

    /// <summary>
    /// 伊金霍洛旗 (2025): 自然人 予以公开; 自然人 过程性信息 with a 行政复议 维持; 商业企业 received 20 December, still open;
    /// 科研机构 from 2024 closed 本机关不掌握 in January. 许可 ×2, 处罚 ×1 (a draft one does not count).
    /// 东胜区: 法律服务机构 部分公开 with a 直接起诉 pending; 其他 予以公开. 处罚: one repaired, one published, one of 2024.
    /// 鄂尔多斯市 itself: 社会公益组织 重复申请; 许可 ×1. 永宁 (elsewhere in the forest): 自然人 予以公开 with a 复议 纠正; 处罚 ×1.
    /// </summary>
    private static async Task SeedAsync(TestDatabase database)
    {
        var n = 0;
        var requests = new List<(InformationRequestRecord Request, RequestAppealRecord? Appeal)>();
        void Apply(string agency, ApplicantKind kind, string received, string? closed = null, RequestOutcome? outcome = null,
            AppealKind? appeal = null, AppealResult result = AppealResult.Pending, string? filed = null, string? decided = null)
        {
            n++;
            requests.Add((new InformationRequestRecord
            {
                AgencyCode = agency, Number = $"{received[..4]}-{8000 + n}", TrackingCode = $"AGENCY{n:000000}", Kind = kind,
                ReceivedOn = D(received), ClockStartOn = D(received), RegisteredUtc = DateTime.UtcNow, RegisteredBy = "office",
                Description = "机构统计测试申请", Stage = closed is null ? RequestStage.Processing : RequestStage.Closed,
                ClosedOn = closed is null ? null : D(closed), Outcome = outcome, ConcurrencyStamp = Guid.NewGuid().ToString(),
            }, appeal is { } k ? new RequestAppealRecord
            {
                Kind = k, FiledOn = D(filed!), Authority = "复议机关", Result = result, DecidedOn = decided is null ? null : D(decided), RecordedBy = "office",
            } : null));
        }

        Apply(Banner, ApplicantKind.NaturalPerson, "2025-03-01", "2025-03-10", RequestOutcome.Disclosed);
        Apply(Banner, ApplicantKind.NaturalPerson, "2025-04-01", "2025-04-15", RequestOutcome.WithheldProcessInformation,
            AppealKind.Reconsideration, AppealResult.Upheld, "2025-05-01", "2025-06-01");
        Apply(Banner, ApplicantKind.Commercial, "2025-12-20");
        Apply(Banner, ApplicantKind.Research, "2024-12-28", "2025-01-06", RequestOutcome.UnavailableNotHeld);
        Apply(District, ApplicantKind.LegalService, "2025-06-01", "2025-06-20", RequestOutcome.PartiallyDisclosed,
            AppealKind.DirectLitigation, AppealResult.Pending, "2025-07-01");
        Apply(District, ApplicantKind.OtherOrganisation, "2025-07-01", "2025-07-10", RequestOutcome.Disclosed);
        Apply(City, ApplicantKind.PublicWelfare, "2025-09-01", "2025-09-15", RequestOutcome.NotProcessedRepeated);
        Apply(YongNing, ApplicantKind.NaturalPerson, "2025-05-05", "2025-05-20", RequestOutcome.Disclosed,
            AppealKind.Reconsideration, AppealResult.Corrected, "2025-06-01", "2025-08-01");

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            db.AddRange(requests.Select(r => r.Request));
            await db.SaveChangesAsync();
            foreach (var (request, appeal) in requests.Where(r => r.Appeal is not null))
            {
                appeal!.RequestId = request.Id;
                db.Add(appeal);
            }

            db.AddRange(
                Credit(new CreditLicenceRecord { ValidFrom = D("2025-02-01"), ValidUntil = D("2026-02-01") }, Banner, "2025-02-01", CreditRecordStatus.Published, ++n),
                Credit(new CreditLicenceRecord { ValidFrom = D("2025-03-01"), ValidUntil = D("2026-03-01") }, Banner, "2025-03-01", CreditRecordStatus.Published, ++n),
                Credit(new CreditPenaltyRecord { PublicationEnd = D("2026-05-05"), Severity = Severity.General }, Banner, "2025-05-05", CreditRecordStatus.Published, ++n),
                Credit(new CreditPenaltyRecord { PublicationEnd = D("2026-06-06"), Severity = Severity.General }, Banner, "2025-06-06", CreditRecordStatus.Draft, ++n),
                Credit(new CreditPenaltyRecord { PublicationEnd = D("2026-08-08"), Severity = Severity.General }, District, "2025-08-08", CreditRecordStatus.Repaired, ++n),
                Credit(new CreditPenaltyRecord { PublicationEnd = D("2026-09-09"), Severity = Severity.General }, District, "2025-09-09", CreditRecordStatus.Published, ++n),
                Credit(new CreditPenaltyRecord { PublicationEnd = D("2025-09-09"), Severity = Severity.General }, District, "2024-09-09", CreditRecordStatus.Published, ++n),
                Credit(new CreditLicenceRecord { ValidFrom = D("2025-10-10"), ValidUntil = D("2026-10-10") }, City, "2025-10-10", CreditRecordStatus.Published, ++n),
                Credit(new CreditPenaltyRecord { PublicationEnd = D("2026-05-05"), Severity = Severity.General }, YongNing, "2025-05-05", CreditRecordStatus.Published, ++n));
            await db.SaveChangesAsync();
        });
    }

    private static T Credit<T>(T record, string agency, string date, CreditRecordStatus status, int n) where T : CreditRecordBase
    {
        record.AgencyCode = agency;
        record.Status = status;
        record.PartyName = $"测试企业{n}有限公司";
        record.PublicPartyName = record.PartyName;
        record.PartyKind = PartyKind.LegalEntity;
        record.DecisionNumber = $"测公决字〔{date[..4]}〕{n}号";
        record.DecisionNumberKey = $"agency-key-{n}";
        record.DecisionDate = D(date);
        record.Authority = "测试公安局";
        record.AuthorityCreditCode = "11640121MB1570283J";
        record.SourceUnit = "测试公安局";
        record.SourceUnitCreditCode = "11640121MB1570283J";
        record.CreatedBy = record.UpdatedBy = "office";
        record.PublishedUtc = status == CreditRecordStatus.Draft ? null : DateTime.UtcNow;
        return record;
    }

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd");
}
