using Disclosure.Admin;
using Format = Disclosure.Admin.Format;
using System.Globalization;
using System.Text;
using Disclosure.Storage.Ledger;
using Disclosure.Web.Admin.Ledger;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Disclosure.Web.Admin;

/// <summary>The 信息发布台账 as the office files it: CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX.</summary>
public static class LedgerExport
{
    /// <summary>The page's columns (姓名, department, zh-CN action, title), then the stored values an auditor checks hashes with.</summary>
    public static readonly string[] Headers = ["序号", "时间（北京时间）", "操作人", "部门", "操作", "对象", "版本", "意见或说明", "操作人登录名", "对象编号", "内容哈希", "前一条哈希", "本条哈希"];

    public static IEnumerable<string[]> Rows(IEnumerable<LedgerRow> rows, LedgerActionNames names) => rows.Select(r => new[]
    {
        r.Entry.Sequence.ToString(CultureInfo.InvariantCulture),
        Format.Time(r.Entry.OccurredUtc),
        r.Actor.Name,
        r.Actor.Department ?? string.Empty,
        names.DisplayName(r.Entry.Action),
        r.Subject.Title,
        r.Entry.VersionNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        r.Entry.Detail ?? string.Empty,
        r.Entry.Actor,
        r.Entry.ContentItemId ?? string.Empty,
        r.Entry.ContentHash ?? string.Empty,
        r.Entry.PreviousHash,
        r.Entry.Hash,
    });

    public static byte[] ToCsv(IEnumerable<LedgerRow> entries, LedgerActionNames names)
    {
        var builder = new StringBuilder();
        foreach (var row in Rows(entries, names).Prepend(Headers))
        {
            builder.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(builder.ToString())];
    }

    public static byte[] ToXlsx(IEnumerable<LedgerRow> entries, LedgerActionNames names)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in Rows(entries, names).Prepend(Headers))
            {
                data.Append(new Row(row.Select(value => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) })));
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "信息发布台账" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs a cell as a formula.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
