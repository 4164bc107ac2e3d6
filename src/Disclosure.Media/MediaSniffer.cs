using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using System.Xml;
using Disclosure.Core.Text;

namespace Disclosure.Media;

/// <summary>
/// Tells what a file is from its bytes. The name an uploader gives a file proves nothing: a renamed executable,
/// or a scanned image saved as “.pdf”, must not reach the public site or the secrecy scan as what it claims to be.
/// </summary>
public static class MediaSniffer
{
    /// <summary>
    /// How much of the start of a file <see cref="Detect"/> wants. Only plain text needs this much: the whole head
    /// is checked for binary bytes, since a text file is recognised by what it lacks.
    /// </summary>
    public const int HeadLength = 64 * 1024;

    private const string WordMainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMainType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private const long MaxContentTypesLength = 1024 * 1024;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Gif87Magic => "GIF87a"u8;
    private static ReadOnlySpan<byte> Gif89Magic => "GIF89a"u8;
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static ReadOnlySpan<byte> ElfMagic => [0x7F, 0x45, 0x4C, 0x46];

    /// <summary>
    /// The kind of a file, or null when it is none of the kinds accepted.
    /// </summary>
    /// <param name="head">The first <see cref="HeadLength"/> bytes of the file (all of it when shorter).</param>
    /// <param name="extension">
    /// The file's extension (“.doc”). Used only to tell a Word 97-2003 document from an Excel one: both are OLE
    /// compound files, and telling them apart from content would mean walking the compound file's directory.
    /// </param>
    /// <param name="package">
    /// The whole file, seekable, for ZIP-based files: an .docx or .xlsx is known only from the package's
    /// [Content_Types].xml, which sits anywhere in the archive. When null, <paramref name="head"/> is taken to be
    /// the whole file.
    /// </param>
    public static MediaKind? Detect(ReadOnlySpan<byte> head, string? extension = null, Stream? package = null) =>
        Sniff(head, extension, package).Kind;

    /// <summary>The kind, and what the content is in words for a rejection message even when it is no kind.</summary>
    internal static SniffResult Sniff(ReadOnlySpan<byte> head, string? extension, Stream? package)
    {
        if (head.IsEmpty)
        {
            return new SniffResult(null, "空文件");
        }

        if (head.StartsWith(PdfMagic))
        {
            return Known(MediaKind.Pdf);
        }

        if (head.StartsWith(PngMagic))
        {
            return Known(MediaKind.Png);
        }

        if (head.StartsWith(JpegMagic))
        {
            return Known(MediaKind.Jpeg);
        }

        if (head.StartsWith(Gif87Magic) || head.StartsWith(Gif89Magic))
        {
            return Known(MediaKind.Gif);
        }

        if (head.StartsWith(ZipMagic))
        {
            return SniffPackage(head, package);
        }

        if (head.StartsWith(OleMagic))
        {
            return extension?.ToLowerInvariant() switch
            {
                ".doc" => Known(MediaKind.Doc),
                ".xls" => Known(MediaKind.Xls),
                _ => new SniffResult(null, "Office 97-2003 文档（OLE 复合文件）"),
            };
        }

        if (head.StartsWith("MZ"u8))
        {
            return new SniffResult(null, "Windows 可执行程序");
        }

        if (head.StartsWith(ElfMagic))
        {
            return new SniffResult(null, "可执行程序");
        }

        if (IsText(head))
        {
            return Known(MediaKind.Text);
        }

        return new SniffResult(null, "无法识别的二进制内容");
    }

    private static SniffResult Known(MediaKind kind) => new(kind, MediaKinds.DisplayName(kind));

    /// <summary>
    /// An OOXML package names its main part's content type in [Content_Types].xml. Macro-enabled documents
    /// (.docm/.xlsm renamed to .docx/.xlsx) and packages carrying a VBA project are not accepted as either.
    /// </summary>
    private static SniffResult SniffPackage(ReadOnlySpan<byte> head, Stream? package)
    {
        var zip = new SniffResult(null, "ZIP 压缩包");
        var stream = package ?? new MemoryStream(head.ToArray(), writable: false);
        try
        {
            if (stream.CanSeek)
            {
                stream.Position = 0;
            }

            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var entry = archive.GetEntry("[Content_Types].xml");
            if (entry is null || entry.Length > MaxContentTypesLength)
            {
                return zip;
            }

            var contentTypes = ReadContentTypes(entry);
            var hasVba = archive.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                || contentTypes.Any(t => t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)
                                         || t.Contains("vbaProject", StringComparison.OrdinalIgnoreCase));
            if (hasVba)
            {
                return new SniffResult(null, "启用宏的 Office 文档");
            }

            if (contentTypes.Contains(WordMainType) && HasFolder(archive, "word/"))
            {
                return Known(MediaKind.Docx);
            }

            if (contentTypes.Contains(ExcelMainType) && HasFolder(archive, "xl/"))
            {
                return Known(MediaKind.Xlsx);
            }

            return HasFolder(archive, "ppt/") ? new SniffResult(null, "PowerPoint 演示文稿") : zip;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException)
        {
            return new SniffResult(null, "已损坏的 ZIP 压缩包");
        }
        finally
        {
            if (package is null)
            {
                stream.Dispose();
            }
        }
    }

    private static bool HasFolder(ZipArchive archive, string folder) =>
        archive.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.OrdinalIgnoreCase));

    private static HashSet<string> ReadContentTypes(ZipArchiveEntry entry)
    {
        var types = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var input = entry.Open();
        using var reader = XmlReader.Create(input, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxContentTypesLength,
        });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.GetAttribute("ContentType") is { } type)
            {
                types.Add(type.Trim());
            }
        }

        return types;
    }

    /// <summary>
    /// Plain text: no NUL byte, valid UTF-8 (with or without BOM) or else valid GB18030, and at least 95 % of the
    /// characters printable (line breaks, tabs and form feeds count as printable). A head cut in the middle of a
    /// character is not held against the file.
    /// </summary>
    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return false;
        }

        var chars = ArrayPool<char>.Shared.Rent(head.Length + 1);
        try
        {
            var status = Utf8.ToUtf16(head, chars, out _, out var written, replaceInvalidSequences: false, isFinalBlock: false);
            if (status is OperationStatus.Done or OperationStatus.NeedMoreData)
            {
                return MostlyPrintable(chars.AsSpan(0, written));
            }

            var decoder = Gb18030.Strict.GetDecoder();
            try
            {
                written = decoder.GetChars(head, chars, flush: false);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }

            return MostlyPrintable(chars.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static bool MostlyPrintable(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        var unprintable = 0;
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r' or '\f')
            {
                continue;
            }

            if (char.IsControl(c) || c == '\uFFFD')
            {
                unprintable++;
            }
        }

        return unprintable * 20 <= text.Length;
    }

    internal readonly record struct SniffResult(MediaKind? Kind, string Description);
}
