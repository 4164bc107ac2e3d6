using Disclosure.AnnualReports.Models;
using Disclosure.Requests.Statistics;
namespace Disclosure.Core.Tests.AnnualReports;

/// <summary>What the checks before submission say about the carry-over (上年结转) from last year's report.</summary>
public sealed class ReportChecksTests
{
    private static AnnualReportFigures Figures(int year) => new(year, 2021,
        new ProactiveFigures(new DocumentCounts(0, 0, 0), new DocumentCounts(0, 0, 0), 0, 0, Enforcement: 0, FeeAmount: 0),
        ApplicationTable.Compute(year, []), AppealTable.Compute(year, []), OverviewFacts.Empty);

    [Fact]
    public void Without_last_years_report_the_carry_over_is_left_unchecked_and_said_so()
    {
        var finding = Assert.Single(ReportChecks.Check(Figures(2025), previousYear: null));

        Assert.Equal(CheckSeverity.Notice, finding.Severity);
        Assert.True(finding.LeavesCarryOverUnchecked);
        Assert.Contains("未找到已发布的2024年度报告", finding.Message);
    }

    [Fact]
    public void With_last_years_report_the_carry_over_is_checked() =>
        Assert.DoesNotContain(ReportChecks.Check(Figures(2025), Figures(2024)), f => f.LeavesCarryOverUnchecked);
}
