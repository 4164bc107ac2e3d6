using System.Text;
using Disclosure.Core.Tables;
using Disclosure.Core.Text;

namespace Disclosure.Core.Tests.Credit;

public sealed class CsvTableReaderTests
{
    private static List<TableRow> Read(byte[] bytes)
    {
        using var reader = CsvTableReader.Open(new MemoryStream(bytes));
        return reader.Rows().ToList();
    }

    private static List<TableRow> Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Quoted_cells_keep_commas_quotes_and_line_breaks_and_rows_keep_excel_numbers()
    {
        var rows = Read("名称,说明\r\n\"张三,李四\",\"他说\"\"好\"\"\"\r\n\"第一行\n第二行\",末尾\n\n最后,行");
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => r.Number));
        Assert.Equal(["张三,李四", "他说\"好\""], rows[1].Cells);
        Assert.Equal(["第一行\n第二行", "末尾"], rows[2].Cells);
        Assert.True(rows[3].IsBlank);
        Assert.Equal(["最后", "行"], rows[4].Cells);
    }

    [Fact]
    public void Trailing_empty_cells_and_a_final_line_break_are_read_as_excel_writes_them()
    {
        var rows = Read("a,b,\r\nc,,\r\n");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["a", "b", ""], rows[0].Cells);
        Assert.Equal(["c", "", ""], rows[1].Cells);
    }

    [Fact]
    public void Gb18030_and_utf8_with_or_without_bom_are_detected()
    {
        const string text = "行政相对人名称,违法事实\r\n永宁县杨和镇鑫鑫烟花爆竹经营部,未经许可储存烟花爆竹\r\n";
        foreach (var bytes in new[] { Gb18030.Strict.GetBytes(text), Encoding.UTF8.GetBytes(text), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] })
        {
            var rows = Read(bytes);
            Assert.Equal("行政相对人名称", rows[0].Cells[0]);
            Assert.Equal("未经许可储存烟花爆竹", rows[1].Cells[1]);
        }
    }

    [Fact]
    public void A_utf8_file_with_a_broken_byte_later_on_fails_with_its_row()
    {
        // The sample is valid UTF-8, so the file is read as UTF-8; the bad byte after the sample must not become mojibake.
        var head = Encoding.UTF8.GetBytes("名称\r\n" + string.Concat(Enumerable.Repeat("永宁县公安局\r\n", 6000)));
        var ex = Assert.Throws<TableFormatException>(() => Read([.. head, 0xFF, 0xFE, (byte)'\r', (byte)'\n']));
        Assert.Contains("既不是 UTF-8 也不是 GB18030", ex.Message);
    }

    [Fact]
    public void An_unterminated_quote_is_a_file_error()
    {
        var ex = Assert.Throws<TableFormatException>(() => Read("a,b\r\n\"c,d\r\n"));
        Assert.Equal(2, ex.Row);
    }

    [Fact]
    public void Formula_protection_written_on_export_is_taken_off_on_import()
    {
        using var buffer = new MemoryStream();
        using (var writer = new CsvTableWriter(new StreamWriter(buffer, CsvTableWriter.Utf8WithBom, leaveOpen: true)))
        {
            writer.WriteRow(["=SUM(A1)", "-5", "@x", "普通", " 前后空格 ", "含,逗号"]);
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.StartsWith("\uFEFF'=SUM(A1),'-5,'@x,普通,\" 前后空格 \",\"含,逗号\"", text);
        Assert.Equal(["=SUM(A1)", "-5", "@x", "普通", " 前后空格 ", "含,逗号"], Read(buffer.ToArray())[0].Cells);
    }

    [Fact]
    public void Rows_stream_once()
    {
        using var reader = CsvTableReader.Open(new MemoryStream("a\r\n"u8.ToArray()));
        _ = reader.Rows().ToList();
        Assert.Throws<InvalidOperationException>(() => reader.Rows());
    }
}
