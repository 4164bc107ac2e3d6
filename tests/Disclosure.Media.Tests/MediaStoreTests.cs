using System.Security.Cryptography;
using DocumentFormat.OpenXml;

namespace Disclosure.Media.Tests;

public sealed class MediaStoreTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<StoredMedia> SaveAsync(byte[] bytes, string fileName) =>
        await _temp.Store.SaveAsync(new MemoryStream(bytes), fileName);

    private async Task<string> RejectAsync(byte[] bytes, string fileName, MediaStore? store = null)
    {
        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => (store ?? _temp.Store).SaveAsync(new MemoryStream(bytes), fileName));
        Assert.Empty(_temp.Files);
        return ex.Message;
    }

    private byte[] ReadStored(StoredMedia media)
    {
        using var stream = _temp.Store.OpenRead(media.Path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task A_docx_is_stored_under_the_beijing_month_with_its_bytes_and_hash()
    {
        // 2026-10-31 17:30 UTC is already 1 November in Beijing.
        using var temp = new TempStore(now: new DateTimeOffset(2026, 10, 31, 17, 30, 0, TimeSpan.Zero));
        var bytes = Fixtures.Docx();

        var media = await temp.Store.SaveAsync(new MemoryStream(bytes), "关于进一步做好政府信息公开工作的通知.docx");

        Assert.Matches("^2026/11/[0-9a-f]{32}\\.docx$", media.Path);
        Assert.Equal("关于进一步做好政府信息公开工作的通知.docx", media.FileName);
        Assert.Equal(MediaKind.Docx, media.Kind);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", media.MediaType);
        Assert.Equal(bytes.Length, media.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), media.Sha256);
        Assert.True(temp.Store.Exists(media.Path));
        var stored = Path.Combine(temp.Root, "2026", "11", Path.GetFileName(media.Path));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(stored));
        Assert.Single(temp.Files);
    }

    [Theory]
    [InlineData("scan.pdf", MediaKind.Pdf, "application/pdf")]
    [InlineData("photo.PNG", MediaKind.Png, "image/png")]
    [InlineData("photo.jpg", MediaKind.Jpeg, "image/jpeg")]
    [InlineData("photo.jpeg", MediaKind.Jpeg, "image/jpeg")]
    [InlineData("animation.gif", MediaKind.Gif, "image/gif")]
    [InlineData("application.doc", MediaKind.Doc, "application/msword")]
    [InlineData("statistics.xls", MediaKind.Xls, "application/vnd.ms-excel")]
    [InlineData("申请表.txt", MediaKind.Text, "text/plain")]
    public async Task Every_allowed_kind_is_stored_when_its_content_matches(string fileName, MediaKind kind, string mediaType)
    {
        var bytes = kind switch
        {
            MediaKind.Pdf => Fixtures.Pdf(),
            MediaKind.Png => Fixtures.Png(),
            MediaKind.Jpeg => Fixtures.Jpeg(),
            MediaKind.Gif => Fixtures.Gif(),
            MediaKind.Doc or MediaKind.Xls => Fixtures.Ole(),
            _ => Fixtures.Gb18030.GetBytes("政府信息公开申请表\r\n申请人：张三"),
        };

        var media = await SaveAsync(bytes, fileName);

        Assert.Equal(kind, media.Kind);
        Assert.Equal(mediaType, media.MediaType);
        Assert.EndsWith(Path.GetExtension(fileName).ToLowerInvariant(), media.Path, StringComparison.Ordinal);
        Assert.Equal(bytes, ReadStored(media));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), media.Sha256);
    }

    [Fact]
    public async Task A_non_seekable_stream_within_the_limit_is_stored()
    {
        using var temp = new TempStore(maxBytes: 1024);
        var bytes = Fixtures.Png().Concat(new byte[1024 - Fixtures.Png().Length]).ToArray();

        var media = await temp.Store.SaveAsync(new ForwardOnlyStream(bytes), "exactly-the-limit.png");

        Assert.Equal(1024, media.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), media.Sha256);
    }

    [Fact]
    public async Task An_empty_file_is_rejected()
    {
        Assert.Equal("文件为空。", await RejectAsync([], "申请表.pdf"));

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => _temp.Store.SaveAsync(new ForwardOnlyStream([]), "申请表.pdf"));
        Assert.Equal("文件为空。", ex.Message);
        Assert.Empty(_temp.Files);
    }

    [Fact]
    public async Task An_over_limit_stream_is_rejected_without_reading_it_all()
    {
        using var temp = new TempStore(maxBytes: 1024);
        var stream = new ForwardOnlyStream(Fixtures.Gb18030.GetBytes(new string('政', 50_000)));

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => temp.Store.SaveAsync(stream, "long.txt"));

        Assert.Equal("文件大小超过上限 1 KB。", ex.Message);
        Assert.True(stream.BytesRead < 10_000, $"read {stream.BytesRead} bytes");
        Assert.Empty(temp.Files);
    }

    [Fact]
    public async Task An_over_limit_seekable_stream_is_rejected_with_its_size()
    {
        using var temp = new TempStore(maxBytes: 1024 * 1024);
        var bytes = new byte[1024 * 1024 * 3 / 2];
        Fixtures.Png().CopyTo(bytes, 0);

        var ex = await Assert.ThrowsAsync<MediaRejectedException>(() => temp.Store.SaveAsync(new MemoryStream(bytes), "big.png"));

        Assert.Equal("文件大小 1.5 MB 超过上限 1 MB。", ex.Message);
        Assert.Empty(temp.Files);
    }

    [Fact]
    public async Task The_size_is_told_in_megabytes_and_never_reads_as_equal_to_the_limit()
    {
        var ex = await Assert.ThrowsAsync<MediaRejectedException>(
            () => _temp.Store.SaveAsync(new ZeroStream((long)(25.3 * 1024 * 1024)), "年度报告.pdf"));
        Assert.Equal("文件大小 25.3 MB 超过上限 20 MB。", ex.Message);

        ex = await Assert.ThrowsAsync<MediaRejectedException>(
            () => _temp.Store.SaveAsync(new ZeroStream((20 * 1024 * 1024) + 1), "年度报告.pdf"));
        Assert.Equal("文件大小 20,971,521 字节 超过上限 20 MB。", ex.Message);
        Assert.Empty(_temp.Files);
    }

    [Fact]
    public async Task A_type_outside_the_allow_list_is_rejected_before_reading()
    {
        Assert.Equal(
            "不支持的文件类型“.exe”，允许：PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）、图片（.jpg/.png/.gif）、文本（.txt）。",
            await RejectAsync(Fixtures.Exe(), "setup.exe"));
        Assert.StartsWith("无法确定文件类型：文件名“README”没有扩展名", await RejectAsync(Fixtures.Gb18030.GetBytes("说明"), "README"));
    }

    [Fact]
    public async Task A_png_renamed_to_pdf_is_rejected()
    {
        Assert.Equal("文件内容与扩展名不符：扩展名为 .pdf，实际内容为 PNG 图片。", await RejectAsync(Fixtures.Png(), "公开目录.pdf"));
    }

    [Fact]
    public async Task An_executable_renamed_to_pdf_is_rejected()
    {
        Assert.Equal("文件内容与扩展名不符：扩展名为 .pdf，实际内容为 Windows 可执行程序。", await RejectAsync(Fixtures.Exe(), "年度报告.pdf"));
    }

    [Fact]
    public async Task Office_files_must_be_what_their_extension_says()
    {
        Assert.Equal("文件内容与扩展名不符：扩展名为 .xlsx，实际内容为 Word 文档（.docx）。", await RejectAsync(Fixtures.Docx(), "统计表.xlsx"));
        Assert.Equal("文件内容与扩展名不符：扩展名为 .docx，实际内容为 启用宏的 Office 文档。",
            await RejectAsync(Fixtures.Docx(WordprocessingDocumentType.MacroEnabledDocument), "通知.docx"));
        Assert.Equal("文件内容与扩展名不符：扩展名为 .pdf，实际内容为 Office 97-2003 文档（OLE 复合文件）。", await RejectAsync(Fixtures.Ole(), "通知.pdf"));
        Assert.Equal("文件内容与扩展名不符：扩展名为 .txt，实际内容为 PDF 文档。", await RejectAsync(Fixtures.Pdf(), "说明.txt"));
    }

    [Fact]
    public async Task Binary_content_is_not_text()
    {
        var bytes = new byte[200];
        Random.Shared.NextBytes(bytes);
        bytes[10] = 0;
        Assert.StartsWith("文件内容与扩展名不符：扩展名为 .txt", await RejectAsync(bytes, "说明.txt"));
    }

    [Theory]
    [InlineData(@"C:\Users\张三\Desktop\申请表.docx", "申请表.docx")]
    [InlineData("../../etc/申请表.docx", "申请表.docx")]
    [InlineData("申请\u0007表\r\n.docx", "申请表.docx")]
    [InlineData("申请表\u202Excod.docx", "申请表xcod.docx")]
    [InlineData("  \"申请表?\"  .docx", "_申请表__.docx")]
    [InlineData(".docx", "附件.docx")]
    public async Task File_names_are_sanitised(string uploaded, string expected)
    {
        var media = await SaveAsync(Fixtures.Docx(), uploaded);
        Assert.Equal(expected, media.FileName);
    }

    [Fact]
    public async Task Long_file_names_are_cut_to_120_characters_keeping_the_extension()
    {
        var media = await SaveAsync(Fixtures.Docx(), new string('通', 200) + ".docx");

        Assert.Equal(120, media.FileName.Length);
        Assert.EndsWith("通.docx", media.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_leaves_nothing_behind()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _temp.Store.SaveAsync(new ForwardOnlyStream(Fixtures.Png()), "a.png", cancel.Token));
        Assert.Empty(_temp.Files);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("2026/../../secret.txt")]
    [InlineData("2026/11/../../../secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData(@"2026\11\a.pdf")]
    [InlineData(@"..\secret.txt")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData(".tmp/a.part")]
    [InlineData("2026//a.pdf")]
    [InlineData("")]
    public async Task Paths_leaving_the_root_are_refused(string path)
    {
        await File.WriteAllTextAsync(Path.Combine(_temp.Base, "secret.txt"), "不应读到");
        Assert.Throws<ArgumentException>(() => _temp.Store.OpenRead(path));
        Assert.Throws<ArgumentException>(() => _temp.Store.Exists(path));
    }

    [Fact]
    public void A_missing_attachment_does_not_exist()
    {
        Assert.False(_temp.Store.Exists("2026/11/0123456789abcdef0123456789abcdef.pdf"));
        Assert.Throws<FileNotFoundException>(() => _temp.Store.OpenRead("2026/11/0123456789abcdef0123456789abcdef.pdf"));
    }
}
