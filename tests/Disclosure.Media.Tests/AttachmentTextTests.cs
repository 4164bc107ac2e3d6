using System.Text;

namespace Disclosure.Media.Tests;

public sealed class AttachmentTextTests
{
    [Fact]
    public async Task Docx_text_includes_paragraphs_tables_headers_and_footers()
    {
        using var temp = new TempStore();
        var media = await temp.Store.SaveAsync(new MemoryStream(Fixtures.Docx()), "通知.docx");

        await using var stream = temp.Store.OpenRead(media.Path);
        var text = await AttachmentText.ExtractAsync(stream, media.Kind);

        Assert.NotNull(text);
        var lines = text.Split('\n');
        Assert.Contains("关于进一步做好政府信息公开工作的通知", lines);
        Assert.Contains("各乡镇人民政府，县政府各部门：", lines);
        Assert.Contains("公民身份号码", lines);
        Assert.Contains(Fixtures.IdNumber, lines);
        Assert.Contains("本通知自印发之日起施行。", lines);
        Assert.Contains("某某县人民政府办公室（内部资料）", lines);
        Assert.Contains("第 1 页 共 1 页", lines);
        Assert.True(Array.IndexOf(lines, "关于进一步做好政府信息公开工作的通知") < Array.IndexOf(lines, Fixtures.IdNumber));
    }

    [Fact]
    public async Task Xlsx_text_is_every_sheet_row_by_row_hidden_sheets_included()
    {
        using var temp = new TempStore();
        var media = await temp.Store.SaveAsync(new MemoryStream(Fixtures.Xlsx()), "发放名单.xlsx");

        await using var stream = temp.Store.OpenRead(media.Path);
        var text = await AttachmentText.ExtractAsync(stream, media.Kind);

        Assert.Equal(MediaKind.Xlsx, media.Kind);
        Assert.Equal(["发放名单", "姓名\t补贴金额", "当事人张三\t1200", "联系电话13812345678", "底稿", Fixtures.IdNumber], text!.Split('\n'));
    }

    [Fact]
    public async Task Xlsx_text_can_be_read_from_a_forward_only_stream()
    {
        var text = await AttachmentText.ExtractAsync(new ForwardOnlyStream(Fixtures.Xlsx()), MediaKind.Xlsx);
        Assert.Contains(Fixtures.IdNumber, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_xlsx_is_rejected_with_a_message()
    {
        var damaged = Fixtures.Xlsx()[..200];

        var error = await Assert.ThrowsAsync<MediaRejectedException>(() => AttachmentText.ExtractAsync(new MemoryStream(damaged), MediaKind.Xlsx));
        Assert.Contains("Excel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_text_can_be_read_from_a_forward_only_stream()
    {
        var text = await AttachmentText.ExtractAsync(new ForwardOnlyStream(Fixtures.Docx()), MediaKind.Docx);
        Assert.Contains("张三", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_text_is_the_text_layer_page_by_page()
    {
        using var temp = new TempStore();
        var media = await temp.Store.SaveAsync(new MemoryStream(Fixtures.Pdf()), "application.pdf");

        await using var stream = temp.Store.OpenRead(media.Path);
        var text = await AttachmentText.ExtractAsync(stream, media.Kind);

        Assert.NotNull(text);
        Assert.Contains(Fixtures.IdNumber, text, StringComparison.Ordinal);
        var idAt = text.IndexOf(Fixtures.IdNumber, StringComparison.Ordinal);
        var secondAt = text.IndexOf("Second page", StringComparison.Ordinal);
        Assert.True(secondAt > idAt);
        Assert.Contains('\n', text[idAt..secondAt]);
    }

    [Fact]
    public async Task A_pdf_without_a_text_layer_gives_empty_text()
    {
        Assert.Equal(string.Empty, await AttachmentText.ExtractAsync(new MemoryStream(Fixtures.PdfWithoutText()), MediaKind.Pdf));
    }

    [Fact]
    public async Task A_damaged_pdf_is_rejected_with_a_message()
    {
        var ex = await Assert.ThrowsAsync<MediaRejectedException>(
            () => AttachmentText.ExtractAsync(new MemoryStream("%PDF-1.7\nnot really a pdf"u8.ToArray()), MediaKind.Pdf));
        Assert.Equal("无法读取 PDF 文件中的文字：文件已损坏。", ex.Message);
    }

    [Fact]
    public async Task Gb18030_text_is_decoded()
    {
        const string content = "政府信息公开申请表\r\n申请人：张三\r\n公民身份号码：" + Fixtures.IdNumber;
        using var temp = new TempStore();
        var media = await temp.Store.SaveAsync(new MemoryStream(Fixtures.Gb18030.GetBytes(content)), "申请表.txt");

        await using var stream = temp.Store.OpenRead(media.Path);
        Assert.Equal(content, await AttachmentText.ExtractAsync(stream, media.Kind));
    }

    [Fact]
    public async Task Utf8_text_is_decoded_with_or_without_bom()
    {
        const string content = "依申请公开答复书：经查，该信息属于国家秘密。";
        var plain = Encoding.UTF8.GetBytes(content);

        Assert.Equal(content, await AttachmentText.ExtractAsync(new MemoryStream(plain), MediaKind.Text));
        Assert.Equal(content, await AttachmentText.ExtractAsync(new MemoryStream([.. Encoding.UTF8.Preamble, .. plain]), MediaKind.Text));
    }

    [Theory]
    [InlineData(MediaKind.Png)]
    [InlineData(MediaKind.Jpeg)]
    [InlineData(MediaKind.Gif)]
    [InlineData(MediaKind.Doc)]
    [InlineData(MediaKind.Xls)]
    public async Task Kinds_without_extractable_text_give_null(MediaKind kind)
    {
        Assert.Null(await AttachmentText.ExtractAsync(new MemoryStream(Fixtures.Png()), kind));
    }
}
