using Disclosure.AnnualReports.Models;
namespace Disclosure.Core.Tests.AnnualReports;

/// <summary>When the admin reminds the office of the annual report (条例第四十九条: published by 31 January).</summary>
public sealed class ReportReminderTests
{
    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd");

    [Fact]
    public void From_1_December_the_report_on_the_year_is_due_by_31_January_and_stays_until_published()
    {
        Assert.Empty(ReportReminder.Due(D("2026-11-30"), y => y == 2025));
        Assert.Equal([new ReminderItem(2026, D("2027-01-31"), false)], ReportReminder.Due(D("2026-12-01"), _ => false));
        Assert.Equal([new ReminderItem(2026, D("2027-01-31"), false)], ReportReminder.Due(D("2027-01-31"), _ => false));
        Assert.Equal([new ReminderItem(2026, D("2027-01-31"), true)], ReportReminder.Due(D("2027-02-01"), _ => false));
        Assert.Empty(ReportReminder.Due(D("2027-01-15"), y => y == 2026));
        Assert.Empty(ReportReminder.Due(D("2026-12-15"), y => y == 2026));
        Assert.Equal("2026年政府信息公开工作年度报告应于2027年1月31日前公布，尚未发布。", ReportReminder.Due(D("2026-12-01"), _ => false)[0].Message);
    }

    [Fact]
    public void Format_2021_applies_from_the_report_on_2021_and_earlier_years_have_none()
    {
        Assert.Same(AnnualReportFormat.Format2021, AnnualReportFormat.For(2021));
        Assert.Same(AnnualReportFormat.Format2021, AnnualReportFormat.For(2030));
        Assert.Null(AnnualReportFormat.For(2020));
        Assert.Equal("永宁县公安局2025年政府信息公开工作年度报告", AnnualReportFormat.Title("永宁县公安局", 2025));
    }
}
