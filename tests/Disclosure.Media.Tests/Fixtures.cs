using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Spreadsheet = DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Disclosure.Media.Tests;

/// <summary>Attachments made on the spot, so no binary fixture is committed.</summary>
internal static class Fixtures
{
    public const string IdNumber = "110101199003071237";

    static Fixtures() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    /// <summary>A real .docx: Chinese paragraphs, a table, a header and a footer.</summary>
    public static byte[] Docx(WordprocessingDocumentType type = WordprocessingDocumentType.Document)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, type))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Paragraph("某某县人民政府办公室（内部资料）"));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Paragraph("第 1 页 共 1 页"));

            var table = new Table(
                new TableRow(new TableCell(Paragraph("姓名")), new TableCell(Paragraph("公民身份号码"))),
                new TableRow(new TableCell(Paragraph("张三")), new TableCell(Paragraph(IdNumber))));
            main.Document = new Document(new Body(
                Paragraph("关于进一步做好政府信息公开工作的通知"),
                Paragraph("各乡镇人民政府，县政府各部门："),
                table,
                Paragraph("本通知自印发之日起施行。"),
                new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) })));
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text)));

    /// <summary>
    /// A real .xlsx as Excel writes it: a visible sheet with shared strings, a number and an inline string, and a
    /// hidden second sheet holding the ID number — hiding a sheet does not keep it from the public.
    /// </summary>
    public static byte[] Xlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new Spreadsheet.SharedStringTable(
                new Spreadsheet.SharedStringItem(new Spreadsheet.Text("姓名")),
                new Spreadsheet.SharedStringItem(new Spreadsheet.Text("补贴金额")),
                new Spreadsheet.SharedStringItem(new Spreadsheet.Text("当事人张三")));
            var visible = workbook.AddNewPart<WorksheetPart>();
            visible.Worksheet = new Spreadsheet.Worksheet(new Spreadsheet.SheetData(
                new Spreadsheet.Row(SharedCell(0), SharedCell(1)),
                new Spreadsheet.Row(SharedCell(2), new Spreadsheet.Cell { CellValue = new Spreadsheet.CellValue("1200") }),
                new Spreadsheet.Row(new Spreadsheet.Cell
                {
                    DataType = Spreadsheet.CellValues.InlineString,
                    InlineString = new Spreadsheet.InlineString(new Spreadsheet.Text("联系电话13812345678")),
                })));
            var hidden = workbook.AddNewPart<WorksheetPart>();
            hidden.Worksheet = new Spreadsheet.Worksheet(new Spreadsheet.SheetData(
                new Spreadsheet.Row(new Spreadsheet.Cell { DataType = Spreadsheet.CellValues.String, CellValue = new Spreadsheet.CellValue(IdNumber) })));
            workbook.Workbook = new Spreadsheet.Workbook(new Spreadsheet.Sheets(
                new Spreadsheet.Sheet { Id = workbook.GetIdOfPart(visible), SheetId = 1, Name = "发放名单" },
                new Spreadsheet.Sheet { Id = workbook.GetIdOfPart(hidden), SheetId = 2, Name = "底稿", State = Spreadsheet.SheetStateValues.Hidden }));
        }

        return stream.ToArray();
    }

    private static Spreadsheet.Cell SharedCell(int index) =>
        new() { DataType = Spreadsheet.CellValues.SharedString, CellValue = new Spreadsheet.CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture)) };

    /// <summary>A real PDF with a text layer on two pages (standard font, so ASCII only).</summary>
    public static byte[] Pdf()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        first.AddText("Applicant ID " + IdNumber, 12, new PdfPoint(50, 750), font);
        var second = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        second.AddText("Second page", 12, new PdfPoint(50, 750), font);
        return builder.Build();
    }

    /// <summary>A PDF with a drawing and no text at all, as a scan would be.</summary>
    public static byte[] PdfWithoutText()
    {
        using var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 200, 100);
        return builder.Build();
    }

    /// <summary>The PNG signature and an IHDR chunk for a 1×1 image: enough to be recognised.</summary>
    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
        0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
    ];

    /// <summary>A JPEG start-of-image and JFIF APP0 segment, and the end-of-image marker.</summary>
    public static byte[] Jpeg() =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
        0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9,
    ];

    public static byte[] Gif() => [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x3B];

    /// <summary>The start of a Windows executable: "MZ", a DOS stub and the PE offset.</summary>
    public static byte[] Exe()
    {
        var bytes = new byte[256];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        bytes[0x3C] = 0x80;
        "This program cannot be run in DOS mode."u8.CopyTo(bytes.AsSpan(0x4E));
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return bytes;
    }

    /// <summary>An OLE2 compound file header, as .doc and .xls files start.</summary>
    public static byte[] Ole()
    {
        var bytes = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        bytes[0x1A] = 0x3E;
        bytes[0x1C] = 0xFE;
        bytes[0x1D] = 0xFF;
        return bytes;
    }
}

/// <summary>A stream that can only be read forward, like a request body, and counts what was read from it.</summary>
internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
{
    private readonly MemoryStream _inner = new(bytes);

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = _inner.Read(buffer, offset, Math.Min(count, 4096));
        BytesRead += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A seekable stream of zeros that is only as long as it says: for sizes too large to allocate in a test.</summary>
internal sealed class ZeroStream(long length) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = (int)Math.Min(count, Math.Max(0, length - Position));
        Array.Clear(buffer, offset, read);
        Position += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => length + offset,
    };

    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A store in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore(long maxBytes = 20 * 1024 * 1024, DateTimeOffset? now = null)
    {
        Base = Path.Combine(Path.GetTempPath(), "disclosure-media-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Base, "store");
        Store = new MediaStore(Root, new MediaOptions { MaxBytes = maxBytes }, new FixedClock(now ?? new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.Zero)));
    }

    /// <summary>The folder holding the store, where tests put files the store must never reach.</summary>
    public string Base { get; }

    public string Root { get; }

    public MediaStore Store { get; }

    /// <summary>Every file under the root, temporary ones included.</summary>
    public string[] Files => Directory.GetFiles(Root, "*", SearchOption.AllDirectories);

    public void Dispose()
    {
        if (Directory.Exists(Base))
        {
            Directory.Delete(Base, recursive: true);
        }
    }
}
