using System.Globalization;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Media.Documents;
using Disclosure.Media.Tables;
using DocumentFormat.OpenXml;

namespace Disclosure.Enforcement.Admin;

/// <summary>
/// The monthly timeliness report as files: XLSX through the project's one table export (<see cref="TableExport"/>),
/// the summary by unit first and then, after a blank row, the list of late and overdue events; DOCX on the official
/// page (<see cref="ReportDocx"/>) with the same two tables, for the 公开办 to file or send.
/// </summary>
public static class TimelinessReportFiles
{
    public static readonly string[] SummaryHeaders = ["办案单位", "形成事件数", "按时公开", "超期公开", "待公开", "超期未公开", "按时公开率"];

    public static readonly string[] MissedHeaders = ["案件编号", "办案单位", "办理环节", "形成日期", "公开期限", "公开日期", "状态"];

    public const string RateNote = "按时公开率 = 按时公开 ÷（按时公开 + 超期公开 + 超期未公开）；尚在期限内的待公开事件不计入。";

    public static string FileName(TimelinessMonth report, string extension) => $"执法信息公开及时性月报-{report.Year:D4}-{report.Month:D2}.{extension}";

    public static string Rate(TimelinessRow row) => row.OnTimeRate is { } rate ? rate.ToString("0.0%", CultureInfo.InvariantCulture) : "—";

    public static IEnumerable<string[]> SummaryRows(TimelinessMonth report) =>
        report.Units.Append(report.Total).Select(r => new[]
        {
            r.UnitName, Number(r.Count), Number(r.OnTime), Number(r.Late), Number(r.Pending), Number(r.Overdue), Rate(r),
        });

    public static IEnumerable<string[]> MissedRows(TimelinessMonth report) =>
        report.Missed.Select(e => new[]
        {
            e.CaseNumber, e.UnitName, e.EventName, DateText.Date(e.FormedOn), DateText.Date(e.Due),
            e.VisibleOn is { } shown ? DateText.Date(shown) : "未公开", EventTimelinessNames.Name(e.Timeliness),
        });

    public static Task<byte[]> ToXlsxAsync(TimelinessMonth report, CancellationToken cancellationToken = default)
    {
        var rows = SummaryRows(report).Cast<string?[]>()
            .Append(new string?[SummaryHeaders.Length])
            .Append(MissedHeaders)
            .Concat(MissedRows(report));
        return TableExport.ToBytesAsync(Disclosure.Core.Tables.TableFormat.Xlsx, $"{report.Year:D4}-{report.Month:D2}", SummaryHeaders, rows, cancellationToken);
    }

    public static byte[] ToDocx(TimelinessMonth report)
    {
        var content = new List<OpenXmlElement>
        {
            ReportDocx.Line(report.Title, bold: true, size: 36, centred: true),
            ReportDocx.Line($"统计范围：{report.Year}年{report.Month}月形成的办理环节；统计日期：{DateText.Date(report.Today)}。期限为形成之日起 {EnforcementClock.WorkingDays} 个工作日（按本单位工作日历）。"),
            ReportDocx.Line(RateNote),
            ReportDocx.Line("一、各办案单位情况", bold: true),
            ReportDocx.Grid(SummaryHeaders, SummaryRows(report).ToList()),
            ReportDocx.Line("二、超期公开和超期未公开的办理环节", bold: true),
            report.Missed.Count == 0 ? ReportDocx.Line("无。") : ReportDocx.Grid(MissedHeaders, MissedRows(report).ToList()),
        };
        if (report.CalendarWarning is { } warning)
        {
            content.Add(ReportDocx.Line(warning));
        }

        return ReportDocx.Build(content);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
