using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Models;
using Disclosure.AnnualReports.Services;
using Disclosure.Contents.Review;
using Disclosure.Core.Security;
using Disclosure.Requests.Models;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.AnnualReports;

/// <summary>
/// The annual report's figures on SQLite and PostgreSQL: every cell of tables 二, 三 and 四 for a seeded year
/// (<see cref="ReportYearSeed"/>) against values worked out by hand, the carry-over check against last year's
/// published report, and the counts that moved since the last draft.
/// </summary>
public sealed class AnnualReportStatisticsTests
{
    private static readonly Actor Office = new("office", new HashSet<string> { RoleNames.InformationOffice }, "zhzx");
    private static readonly Actor Head = new("head", new HashSet<string> { RoleNames.DepartmentReviewer }, "zhzx");
    private static readonly Actor Secrecy = new("secrecy", new HashSet<string> { RoleNames.SecrecyOfficer });
    private static readonly Actor Leader = new("leader", new HashSet<string> { RoleNames.Leader });
    private static readonly Actor Publisher = new("publisher", new HashSet<string> { RoleNames.InformationOffice });

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Every_cell_of_tables_two_three_and_four_matches_the_hand_computed_year(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-01-10"));
        await ReportYearSeed.SeedAsync(database);

        var figures = await database.InScopeAsync(sp => sp.GetRequiredService<ReportStatistics>().ComputeAsync(ReportYearSeed.Agency, 2025));

        // Table 二.
        Assert.Equal(new DocumentCounts(Issued: 1, Abolished: 0, InForce: 2), figures.Proactive.Rules);
        Assert.Equal(new DocumentCounts(Issued: 3, Abolished: 2, InForce: 4), figures.Proactive.Normative);
        Assert.Equal(3, figures.Proactive.Licensing);
        Assert.Equal(3, figures.Proactive.Penalty);
        Assert.Null(figures.Proactive.Enforcement);
        Assert.Equal(13m, figures.Proactive.FeeAmount);

        // Table 三, row by row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
        int[][] expected =
        [
            [7, 4, 5, 4, 3, 3, 26],  // 一、本年新收
            [1, 1, 0, 0, 1, 1, 4],   // 二、上年结转
            [4, 0, 0, 0, 1, 0, 5],   // （一）予以公开
            [0, 1, 0, 0, 0, 0, 1],   // （二）部分公开
            [0, 0, 1, 0, 0, 0, 1],   // （三）1.属于国家秘密
            [0, 0, 0, 1, 0, 0, 1],   // 2.其他法律行政法规禁止公开
            [0, 0, 0, 0, 1, 0, 1],   // 3.危及“三安全一稳定”
            [0, 0, 0, 0, 0, 1, 1],   // 4.保护第三方合法权益
            [1, 0, 0, 0, 0, 0, 1],   // 5.属于三类内部事务信息
            [0, 1, 0, 0, 0, 0, 1],   // 6.属于四类过程性信息
            [0, 0, 1, 0, 0, 0, 1],   // 7.属于行政执法案卷
            [0, 0, 0, 1, 0, 0, 1],   // 8.属于行政查询事项
            [0, 1, 0, 0, 1, 0, 2],   // （四）1.本机关不掌握相关政府信息
            [0, 0, 0, 0, 0, 1, 1],   // 2.没有现成信息需要另行制作
            [1, 0, 0, 0, 0, 0, 1],   // 3.补正后申请内容仍不明确
            [0, 1, 0, 0, 0, 0, 1],   // （五）1.信访举报投诉类申请
            [0, 0, 1, 0, 0, 0, 1],   // 2.重复申请
            [0, 0, 0, 1, 0, 0, 1],   // 3.要求提供公开出版物
            [0, 0, 0, 0, 1, 0, 1],   // 4.无正当理由大量反复申请
            [0, 0, 0, 0, 0, 1, 1],   // 5.要求行政机关确认或重新出具已获取信息
            [1, 0, 0, 0, 0, 0, 1],   // （六）1.逾期不补正
            [0, 1, 0, 0, 0, 0, 1],   // 2.逾期未缴纳费用
            [0, 0, 1, 0, 0, 0, 1],   // 3.其他
            [7, 5, 4, 3, 4, 3, 26],  // （七）总计
            [1, 0, 1, 1, 0, 1, 4],   // 四、结转下年度继续办理
        ];
        var rows = figures.Applications.Rows;
        Assert.Equal(expected.Length, rows.Count);
        for (var r = 0; r < expected.Length; r++)
        {
            Assert.True(expected[r].SequenceEqual(rows[r].Counts.Cells), $"row {r} “{rows[r].Label}”: expected [{string.Join(",", expected[r])}], got [{string.Join(",", rows[r].Counts.Cells)}]");
        }

        // Table 四: 行政复议, 未经复议直接起诉, 复议后起诉 — 维持, 纠正, 其他, 尚未审结, 总计.
        Assert.Equal([2, 1, 1, 2, 6, 0, 1, 1, 1, 3, 1, 0, 0, 0, 1], figures.Appeals.Cells);

        // Section 一's facts: first published in 2025 and public now — 规范性文件 A, B, H, R1 (政策法规) and three fee
        // items (财务信息); G went public only in 2026, C in 2023, the other agency's document is not ours.
        Assert.Equal(
            [("02", "政策法规", 4), ("08", "财务信息", 3)],
            figures.Overview.PublishedByCatalogue.Where(c => c.Count > 0).Select(c => (c.Code, c.Name, c.Count)));
        Assert.Equal(7, figures.Overview.PublishedTotal);
        Assert.Equal((0, 0), (figures.Overview.GuidesUpdated, figures.Overview.Interpretations));

        // The seeded year adds up: no problem but the missing previous report and 行政强制 still to be entered.
        var findings = ReportChecks.Check(figures, previousYear: null);
        Assert.DoesNotContain(findings, f => f.Severity == CheckSeverity.Problem);
        Assert.Equal(2, findings.Count);

        // A snapshot read back is the same, cell for cell.
        Assert.Equal(figures.Cells(), AnnualReportFigures.FromJson(figures.ToJson()).Cells());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_carry_over_that_differs_from_last_years_published_report_is_reported(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-01-10"));
        await ReportYearSeed.SeedAsync(database);

        // The 2024 report is drafted, reviewed and published: its 结转下年度继续办理 is K0 1, K1 1, K4 1, K5 1.
        var report2024 = await Service(database, s => s.CreateDraftAsync(ReportYearSeed.Agency, 2024, "office"));
        var carriedOut = AnnualReportFigures.FromJson(report2024.FiguresJson).Applications.CarriedForward.Counts;
        Assert.Equal([1, 1, 0, 0, 1, 1, 4], carriedOut.Cells);
        await PublishAsync(database, report2024);
        Assert.NotNull(await Service(database, s => s.PublishedFiguresAsync(ReportYearSeed.Agency, 2024)));
        var published = (await Service(database, s => s.FindAsync(report2024.Id, Office)))!;
        var locked = await Assert.ThrowsAsync<AnnualReportException>(() => Service(database, s => s.SaveAsync(published.Id, "改写", "", "", new Dictionary<string, decimal>(), published.ConcurrencyStamp, "office")));
        Assert.Equal("该年度报告正在审核中或已发布，不能修改；审核退回或撤回后方可修改。", locked.Message);

        // 2025 continues it exactly: no carry-over problem.
        var report2025 = await Service(database, s => s.CreateDraftAsync(ReportYearSeed.Agency, 2025, "office"));
        var clean = await Service(database, s => s.CheckAsync(report2025));
        Assert.DoesNotContain(clean, f => f.Severity == CheckSeverity.Problem);

        // An application of 2024 registered late: 2025's 上年结转 now differs from what the 2024 report published.
        await ReportYearSeed.AddOpenApplicationAsync(database, ApplicantKind.Research, "2024-09-09", "2024-9001");
        var refreshed = await Service(database, s => s.RefreshAsync(report2025.Id, report2025.ConcurrencyStamp, "office"));
        var reloaded = (await Service(database, s => s.FindAsync(report2025.Id, Office)))!;
        var problems = (await Service(database, s => s.CheckAsync(reloaded))).Where(f => f.Severity == CheckSeverity.Problem).Select(f => f.Message).ToList();
        Assert.Equal(
            [
                "表三“科研机构”列：本年“二、上年结转政府信息公开申请数量”为 1，2024年度报告“四、结转下年度继续办理”为 0，两者应当相等。",
                "表三“总计”列：本年“二、上年结转政府信息公开申请数量”为 5，2024年度报告“四、结转下年度继续办理”为 4，两者应当相等。",
            ],
            problems);

        // The refresh says which counts moved since the draft: 二 and 四 in the 科研机构 and 总计 columns.
        Assert.Equal(
            [
                "表三“二、上年结转政府信息公开申请数量”·科研机构：0 → 1",
                "表三“二、上年结转政府信息公开申请数量”·总计：4 → 5",
                "表三“四、结转下年度继续办理”·科研机构：1 → 2",
                "表三“四、结转下年度继续办理”·总计：4 → 5",
            ],
            refreshed.Select(m => m.Describe()));
        Assert.Equal(refreshed.Select(m => m.Describe()), AnnualReportService.Moved(reloaded).Select(m => m.Describe()));

        // Submission is refused until the problems are acknowledged.
        var refused = await Assert.ThrowsAsync<AnnualReportException>(() => Service(database, s => s.SubmitAsync(reloaded.Id, reloaded.ConcurrencyStamp, null, false, Office)));
        Assert.Contains("核对发现 2 个问题", refused.Message);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_draft_is_one_per_agency_and_year_and_keeps_hand_entered_cells_marked(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, clock: TestClock.At("2026-01-10"));
        await ReportYearSeed.SeedAsync(database);
        var report = await Service(database, s => s.CreateDraftAsync(ReportYearSeed.Agency, 2025, "office"));
        Assert.Contains("全年新收政府信息公开申请26件", report.Overview);
        Assert.Contains("本年制发行政规范性文件3件、废止2件，现行有效4件", report.Overview);

        var again = await Assert.ThrowsAsync<AnnualReportException>(() => Service(database, s => s.CreateDraftAsync(ReportYearSeed.Agency, 2025, "office")));
        Assert.Equal("永宁县公安局2025年度报告已存在，请在列表中打开编辑。", again.Message);
        var old = await Assert.ThrowsAsync<AnnualReportException>(() => Service(database, s => s.CreateDraftAsync(ReportYearSeed.Agency, 2020, "office")));
        Assert.Contains("2019年试行格式", old.Message);

        await Service(database, s => s.SaveAsync(report.Id, "总体情况。", "问题。", "其他。", new Dictionary<string, decimal> { [ManualCells.Enforcement] = 7 }, report.ConcurrencyStamp, "office"));
        var stale = await Assert.ThrowsAsync<AnnualReportException>(() => Service(database, s => s.SaveAsync(report.Id, "x", "", "", new Dictionary<string, decimal>(), report.ConcurrencyStamp, "office")));
        Assert.Contains("已被他人修改", stale.Message);

        var saved = (await Service(database, s => s.FindAsync(report.Id, Office)))!;
        var figures = AnnualReportService.Figures(saved);
        Assert.Equal(7, figures.Proactive.Enforcement);
        var enforcement = ReportTables.Proactive(figures.Proactive).Rows.SelectMany(r => r).Single(c => c.Manual);
        Assert.Equal("7", enforcement.Text);
        Assert.Contains("7（人工填报）", AnnualReportHtml.Render(await Service(database, s => s.ContentAsync(saved))));

        var ledger = await database.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Ledger.Where(e => e.ContentItemId!.StartsWith("annual-report:")).Select(e => e.Action).ToListAsync());
        Assert.Equal([AnnualReportService.CreatedAction, AnnualReportService.SavedAction], ledger);
    }

    private static async Task PublishAsync(TestDatabase database, AnnualReportRecord report)
    {
        var submitted = await Service(database, s => s.SubmitAsync(report.Id, report.ConcurrencyStamp, null, true, Office));
        await database.InScopeAsync(async sp =>
        {
            var workflow = sp.GetRequiredService<WorkflowService>();
            await workflow.ApproveAsync(submitted.ReviewId, Head, "同意");
            await workflow.ApproveAsync(submitted.ReviewId, Secrecy, "未发现涉密内容");
            await workflow.ApproveAsync(submitted.ReviewId, Leader, "同意发布");
            await workflow.PublishAsync(submitted.ContentItemId, Publisher);
        });
    }

    private static Task<T> Service<T>(TestDatabase database, Func<AnnualReportService, Task<T>> action) =>
        database.InScopeAsync(sp => action(sp.GetRequiredService<AnnualReportService>()));

    private static Task Service(TestDatabase database, Func<AnnualReportService, Task> action) =>
        database.InScopeAsync(sp => action(sp.GetRequiredService<AnnualReportService>()));
}
