using System.Text;
using System.Text.Unicode;

namespace Disclosure.Media.Tests;

public sealed class MediaSnifferTests
{
    [Fact]
    public void Images_and_pdf_are_known_by_their_magic_bytes()
    {
        Assert.Equal(MediaKind.Png, MediaSniffer.Detect(Fixtures.Png()));
        Assert.Equal(MediaKind.Jpeg, MediaSniffer.Detect(Fixtures.Jpeg()));
        Assert.Equal(MediaKind.Gif, MediaSniffer.Detect(Fixtures.Gif()));
        Assert.Equal(MediaKind.Pdf, MediaSniffer.Detect(Fixtures.Pdf()));
    }

    [Fact]
    public void Ooxml_is_told_apart_by_its_content_types()
    {
        Assert.Equal(MediaKind.Docx, MediaSniffer.Detect(Fixtures.Docx(), ".xlsx"));
        Assert.Null(MediaSniffer.Detect(Fixtures.Docx(DocumentFormat.OpenXml.WordprocessingDocumentType.MacroEnabledDocument)));

        using var stream = new MemoryStream(Fixtures.Docx());
        var head = new byte[16];
        stream.ReadExactly(head);
        Assert.Equal(MediaKind.Docx, MediaSniffer.Detect(head, ".docx", stream));
    }

    [Fact]
    public void A_zip_that_is_not_office_is_none_of_the_kinds()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document/>");
        }

        Assert.Null(MediaSniffer.Detect(stream.ToArray(), ".docx"));
        Assert.Null(MediaSniffer.Detect("PK\u0003\u0004 truncated"u8, ".docx"));
    }

    [Fact]
    public void Ole_files_are_doc_or_xls_by_extension()
    {
        Assert.Equal(MediaKind.Doc, MediaSniffer.Detect(Fixtures.Ole(), ".doc"));
        Assert.Equal(MediaKind.Xls, MediaSniffer.Detect(Fixtures.Ole(), ".XLS"));
        Assert.Null(MediaSniffer.Detect(Fixtures.Ole(), ".pdf"));
        Assert.Null(MediaSniffer.Detect(Fixtures.Ole()));
    }

    [Fact]
    public void Utf8_and_gb18030_text_is_text()
    {
        var gb = Fixtures.Gb18030.GetBytes("政府信息公开申请表\r\n申请人：张三\t联系电话：13800000000");
        Assert.False(Utf8.IsValid(gb));
        Assert.Equal(MediaKind.Text, MediaSniffer.Detect(gb));
        Assert.Equal(MediaKind.Text, MediaSniffer.Detect(Encoding.UTF8.GetBytes("政府信息公开")));
        Assert.Equal(MediaKind.Text, MediaSniffer.Detect([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("政府信息公开")]));
    }

    [Fact]
    public void A_head_cut_inside_a_character_is_still_text()
    {
        var utf8 = Encoding.UTF8.GetBytes("政府信息公开");
        Assert.Equal(MediaKind.Text, MediaSniffer.Detect(utf8.AsSpan(0, utf8.Length - 1)));
    }

    [Fact]
    public void Binary_content_is_not_text()
    {
        Assert.Null(MediaSniffer.Detect(Fixtures.Exe()));
        Assert.Null(MediaSniffer.Detect("text\0with a NUL"u8));
        Assert.Null(MediaSniffer.Detect(Encoding.Unicode.GetBytes("UTF-16 is not accepted")));
        Assert.Null(MediaSniffer.Detect([0x01, 0x02, 0x03, 0x04, 0x41, 0x42, 0x05, 0x06]));
        Assert.Null(MediaSniffer.Detect([]));
    }
}
