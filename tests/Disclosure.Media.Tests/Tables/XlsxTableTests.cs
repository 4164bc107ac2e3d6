using System.Text;
using Disclosure.Core.Tables;
using Disclosure.Media.Tables;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Disclosure.Media.Tests.Tables;

/// <summary>XLSX tables: our own export read back, and a workbook as Excel saves it (shared strings, dates, floating point).</summary>
public sealed class XlsxTableTests
{
    private static List<TableRow> ReadAll(byte[] bytes)
    {
        using var reader = TableFiles.Open(new MemoryStream(bytes));
        Assert.IsType<XlsxTableReader>(reader);
        return reader.Rows().ToList();
    }

    [Fact]
    public async Task Written_rows_read_back_exactly_including_blanks_line_breaks_and_formula_like_text()
    {
        string?[][] rows =
        [
            ["永宁县鸿运宾馆有限公司", null, "91640121MA76X2K3QX", "2099-12-31"],
            ["=1+1", "第一行\n第二行", "0050", " 前后空格 "],
            [null, null, null, "只有最后一列\u0001"],
        ];
        using var buffer = new MemoryStream();
        await XlsxTableWriter.WriteAsync(buffer, "行政处罚", ["名称", "说明", "代码", "日期"], rows);

        var read = ReadAll(buffer.ToArray());
        Assert.Equal([1, 2, 3, 4], read.Select(r => r.Number));
        Assert.Equal(["名称", "说明", "代码", "日期"], read[0].Cells);
        Assert.Equal(["永宁县鸿运宾馆有限公司", "", "91640121MA76X2K3QX", "2099-12-31"], read[1].Cells);
        Assert.Equal(["=1+1", "第一行\n第二行", "0050", " 前后空格 "], read[2].Cells);
        Assert.Equal(["", "", "", "只有最后一列"], read[3].Cells);
    }

    [Fact]
    public void A_workbook_as_excel_saves_it_reads_as_the_office_typed_it()
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("处罚决定日期")),
                new SharedStringItem(new Text("罚款金额（万元）")),
                // A rich-text run with a phonetic guide: only the runs' text counts.
                new SharedStringItem(new Run(new Text("杨和")), new Run(new Text("派出所")), new PhoneticRun(new Text("ヨウワ")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }),
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14 }, new CellFormat { NumberFormatId = 176 }, new CellFormat { NumberFormatId = 2 }));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(
                new Row(Shared("A1", 0), Shared("B1", 1), Shared("C1", 2)) { RowIndex = 1 },
                // Row 2 left out, as Excel does for an empty row; cells placed by reference.
                new Row(
                    new Cell { CellReference = "A3", StyleIndex = 1, CellValue = new CellValue("46188") },
                    new Cell { CellReference = "B3", StyleIndex = 3, CellValue = new CellValue("5.0000000000000003E-2") },
                    new Cell { CellReference = "D3", DataType = CellValues.String, CellValue = new CellValue("公式结果") }) { RowIndex = 3 },
                new Row(new Cell { CellReference = "A4", StyleIndex = 2, CellValue = new CellValue("46023") }) { RowIndex = 4 }));
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" }));
        }

        var rows = ReadAll(buffer.ToArray());
        Assert.Equal([1, 3, 4], rows.Select(r => r.Number));
        Assert.Equal(["处罚决定日期", "罚款金额（万元）", "杨和派出所"], rows[0].Cells);
        Assert.Equal(["2026-06-15", "0.05", "", "公式结果"], rows[1].Cells);
        Assert.Equal(["2026-01-01"], rows[2].Cells);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_a_table_format_error_and_text_is_read_as_csv()
    {
        Assert.Throws<TableFormatException>(() => XlsxTableReader.Open(new MemoryStream("PK\u0003\u0004 not really a zip"u8.ToArray())));
        using var csv = TableFiles.Open(new MemoryStream(Encoding.UTF8.GetBytes("a,b\r\n")));
        Assert.IsType<CsvTableReader>(csv);
    }

    private static Cell Shared(string reference, int index) => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
}
