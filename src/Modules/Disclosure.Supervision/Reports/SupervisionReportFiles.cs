using Disclosure.Core.Tables;
using Disclosure.Core.Time;
using Disclosure.Media.Documents;
using Disclosure.Media.Tables;
using DocumentFormat.OpenXml;

namespace Disclosure.Supervision.Reports;

/// <summary>
/// 督查督办月报 as files: XLSX through the project's one table export, the four tables one below the other with a
/// blank row and a heading row between them; DOCX on the official page with the same tables.
/// </summary>
public static class SupervisionReportFiles
{
    public static string FileName(string month, string extension) => $"督查督办月报-{month}.{extension}";

    public static Task<byte[]> ToXlsxAsync(SupervisionMonthReport report, CancellationToken cancellationToken = default)
    {
        var width = SupervisionMonthReport.ClockHeaders.Length;
        var rows = new List<string?[]>();
        rows.AddRange(report.ClockRows().Select(Cells));
        Section(rows, width, SupervisionMonthReport.DepartmentHeaders, report.DepartmentRows());
        Section(rows, width, SupervisionMonthReport.ClassHeaders, report.ClassRows());
        Section(rows, width, SupervisionMonthReport.BrokenLinkHeaders, report.BrokenLinkRows());
        return TableExport.ToBytesAsync(TableFormat.Xlsx, report.Period.MonthText, SupervisionMonthReport.ClockHeaders, rows, cancellationToken);
    }

    public static byte[] ToDocx(SupervisionMonthReport report)
    {
        var content = new List<OpenXmlElement>
        {
            ReportDocx.Line(report.Title, bold: true, size: 36, centred: true),
            ReportDocx.Line($"统计范围：正在计时的全部事项，以及{report.Period.Caption}办结的事项；统计日期：{DateText.Date(report.MadeOn)}。期限按各机构的工作日历计算。"),
            ReportDocx.Line(SupervisionMonthReport.RateNote),
            ReportDocx.Line("一、各项法定时限", bold: true),
            ReportDocx.Grid(SupervisionMonthReport.ClockHeaders, report.ClockRows()),
            ReportDocx.Line("二、各部门超期情况", bold: true),
            report.Departments.Count == 0 ? ReportDocx.Line("无。") : ReportDocx.Grid(SupervisionMonthReport.DepartmentHeaders, report.DepartmentRows()),
            ReportDocx.Line("三、超期未更新和空白栏目", bold: true),
            report.Classes.Count == 0 ? ReportDocx.Line("无。") : ReportDocx.Grid(SupervisionMonthReport.ClassHeaders, report.ClassRows()),
            ReportDocx.Line("四、死链", bold: true),
            report.BrokenLinks.Count == 0 ? ReportDocx.Line("无。") : ReportDocx.Grid(SupervisionMonthReport.BrokenLinkHeaders, report.BrokenLinkRows()),
        };
        return ReportDocx.Build(content);
    }

    private static void Section(List<string?[]> rows, int width, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> body)
    {
        rows.Add(new string?[width]);
        rows.Add(Cells(headers));
        rows.AddRange(body.Select(Cells));
    }

    private static string?[] Cells(IReadOnlyList<string> cells) => [.. cells];
}
