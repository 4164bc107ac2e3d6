using Disclosure.Requests.Statistics;
namespace Disclosure.AnnualReports.Models;

/// <summary>How serious a finding before submission is.</summary>
public enum CheckSeverity
{
    /// <summary>The tables do not add up, or do not continue last year's: must be explained or fixed before submission.</summary>
    Problem,
    /// <summary>Worth a look (a cell still to be entered, no previous report to compare with).</summary>
    Notice,
}

public sealed record CheckFinding(CheckSeverity Severity, string Message)
{
    /// <summary>
    /// The carry-over (上年结转) could not be compared with last year's report, because none is published: the
    /// page must not then say the check passed.
    /// </summary>
    public bool LeavesCarryOverUnchecked { get; init; }
}

/// <summary>A cell whose value differs from the previous draft's snapshot.</summary>
public sealed record MovedCell(ReportCell Cell, decimal Previous)
{
    public string Describe() => $"{Cell.Describe()}：{ReportTables.Number(Previous)} → {ReportTables.Number(Cell.Value)}";
}

/// <summary>
/// The consistency checks shown before a report is submitted: each table's totals, table 三's 勾稽关系
/// (本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理), this year's 上年结转 against last year's published
/// 结转下年度继续办理, cells still to be entered by hand; and, separately, the counts that moved since the last draft.
/// </summary>
public static class ReportChecks
{
    /// <param name="previousYear">The figures of the published report on the year before, when there is one.</param>
    public static IReadOnlyList<CheckFinding> Check(AnnualReportFigures figures, AnnualReportFigures? previousYear)
    {
        var findings = new List<CheckFinding>();
        var applications = figures.Applications;

        // Row totals of table 三: the 总计 column is the sum of the six applicant columns.
        foreach (var row in applications.Rows)
        {
            var cells = row.Counts.Cells;
            if (cells.Take(6).Sum() != cells[6])
            {
                findings.Add(new(CheckSeverity.Problem, $"表三“{row.Label}”行：各类申请人之和为 {cells.Take(6).Sum()}，与总计 {cells[6]} 不符。"));
            }
        }

        // Column totals (（七）总计 = （一）…（六）) and the 勾稽关系, column by column.
        findings.AddRange(applications.CheckConsistency().Select(m => new CheckFinding(CheckSeverity.Problem, "表三" + m)));

        // Table 四: each group's 总计 is the sum of its four results.
        string[] groups = [AppealTableLabels.Reconsideration, "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"];
        var appeals = figures.Appeals.Cells;
        for (var g = 0; g < 3; g++)
        {
            var sum = appeals.Skip(g * 5).Take(4).Sum();
            if (sum != appeals[g * 5 + 4])
            {
                findings.Add(new(CheckSeverity.Problem, $"表四“{groups[g]}”：各项结果之和为 {sum}，与总计 {appeals[g * 5 + 4]} 不符。"));
            }
        }

        if (previousYear is null)
        {
            findings.Add(new(CheckSeverity.Notice, $"未找到已发布的{figures.Year - 1}年度报告，无法核对“二、上年结转政府信息公开申请数量”。") { LeavesCarryOverUnchecked = true });
        }
        else
        {
            var carriedIn = applications.CarriedOver.Counts.Cells;
            var carriedOut = previousYear.Applications.CarriedForward.Counts.Cells;
            for (var c = 0; c < ApplicationTable.ColumnLabels.Count; c++)
            {
                if (carriedIn[c] != carriedOut[c])
                {
                    findings.Add(new(CheckSeverity.Problem,
                        $"表三“{ApplicationTable.ColumnLabels[c]}”列：本年“二、上年结转政府信息公开申请数量”为 {carriedIn[c]}，" +
                        $"{previousYear.Year}年度报告“四、结转下年度继续办理”为 {carriedOut[c]}，两者应当相等。"));
                }
            }
        }

        if (figures.Proactive.Enforcement is null)
        {
            findings.Add(new(CheckSeverity.Notice, "表二“行政强制”本年处理决定数量尚未填报（系统中无此类记录，须人工填报）。"));
        }

        return findings;
    }

    /// <summary>The cells whose value differs between two snapshots of the same report, in table order.</summary>
    public static IReadOnlyList<MovedCell> Moved(AnnualReportFigures previous, AnnualReportFigures current)
    {
        var before = previous.Cells().ToDictionary(c => c.Key, c => c.Value);
        return current.Cells()
            .Where(c => before.TryGetValue(c.Key, out var old) ? old != c.Value : c.Value != 0)
            .Select(c => new MovedCell(c, before.GetValueOrDefault(c.Key)))
            .ToList();
    }
}
