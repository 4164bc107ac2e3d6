using System.Globalization;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Models;
using Disclosure.Enforcement.Services;
using Disclosure.Media.Documents;
using Disclosure.Media.Tables;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Disclosure.Enforcement.Admin;

/// <summary>
/// The monthly timeliness report as files: XLSX through the project's one table export (<see cref="TableExport"/>),
/// the summary by unit first and then, after a blank row, the list of late and overdue events; DOCX on the official
/// page (<see cref="OfficialPage"/>) with the same two tables, for the 公开办 to file or send.
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
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(
                Line(report.Title, bold: true, size: 36, centred: true),
                Line($"统计范围：{report.Year}年{report.Month}月形成的办理环节；统计日期：{DateText.Date(report.Today)}。期限为形成之日起 {EnforcementClock.WorkingDays} 个工作日（按本单位工作日历）。"),
                Line(RateNote),
                Line("一、各办案单位情况", bold: true),
                Grid(SummaryHeaders, SummaryRows(report).ToList()),
                Line("二、超期公开和超期未公开的办理环节", bold: true));
            body.Append(report.Missed.Count == 0 ? Line("无。") : Grid(MissedHeaders, MissedRows(report).ToList()));
            if (report.CalendarWarning is { } warning)
            {
                body.Append(Line(warning));
            }

            body.Append(OfficialPage.Section());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Paragraph Line(string text, bool bold = false, int size = 24, bool centred = false)
    {
        var properties = new RunProperties(new RunFonts { EastAsia = "仿宋_GB2312" });
        if (bold)
        {
            properties.Append(new Bold());
        }

        properties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        var paragraph = new Paragraph();
        if (centred)
        {
            paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        }

        paragraph.Append(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    /// <summary>A table as wide as the text, single borders, the heading row repeated on each page.</summary>
    private static Table Grid(string[] headers, IReadOnlyList<string[]> rows)
    {
        static BorderType Border<T>() where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };
        var width = OfficialPage.TextWidth / headers.Length;
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = OfficialPage.TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(), Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(headers.Select(_ => new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(headers, width, heading: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, width, heading: false));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, int width, bool heading)
    {
        var properties = new TableRowProperties(new CantSplit());
        if (heading)
        {
            properties.Append(new TableHeader());
        }

        var row = new TableRow(properties);
        foreach (var cell in cells)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                Line(cell, bold: heading, size: 21)));
        }

        return row;
    }
}
