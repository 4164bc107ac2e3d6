using System.Text;
using System.Text.Unicode;
using Disclosure.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Sheet = DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Disclosure.Media;

/// <summary>
/// The text of an attachment, for the secrecy scan (保密审查) that looks for 国家秘密, 身份证号 and the like before
/// anything is published. What is read is everything a reader of the downloaded file could find, not only what
/// Word shows by default: tracked deletions, footnotes, endnotes and comments are included as well.
/// </summary>
public static class AttachmentText
{
    /// <summary>
    /// The text of an attachment: .txt (UTF-8 with or without BOM, else GB18030); .docx (every paragraph of the
    /// body including tables, then headers, footers, footnotes, endnotes and comments, one paragraph a line);
    /// .xlsx (every worksheet, hidden ones too, in workbook order: its name, then each row with its cells separated
    /// by tabs, then its cell comments); .pdf (the text layer, one page after another separated by a newline; "" for
    /// a scan without a text layer). Null for kinds that carry no text that can be read here (images, .doc, .xls):
    /// the caller must treat those as not scanned, not as clean.
    /// </summary>
    /// <exception cref="MediaRejectedException">The document is damaged or encrypted, so its text cannot be read.</exception>
    public static async Task<string?> ExtractAsync(Stream content, MediaKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        switch (kind)
        {
            case MediaKind.Text:
                return DecodeText(await ReadAllAsync(content, cancellationToken));
            case MediaKind.Docx or MediaKind.Xlsx:
                var seekable = await SeekableAsync(content, cancellationToken);
                try
                {
                    return kind == MediaKind.Docx ? ExtractDocx(seekable) : ExtractXlsx(seekable);
                }
                finally
                {
                    if (!ReferenceEquals(seekable, content))
                    {
                        await seekable.DisposeAsync();
                    }
                }

            case MediaKind.Pdf:
                return ExtractPdf(await ReadAllAsync(content, cancellationToken), cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>
    /// Why an attachment of <paramref name="kind"/> gave no text to scan — <see cref="ExtractAsync"/> returned null,
    /// or "" for a PDF — in zh-CN for the 保密审查员 who must then check it by eye.
    /// </summary>
    public static string WhyNoText(MediaKind kind) => kind switch
    {
        MediaKind.Jpeg or MediaKind.Png or MediaKind.Gif => "图片中的文字无法自动识别",
        MediaKind.Doc or MediaKind.Xls => "旧版 Office 格式（.doc/.xls）的文字无法自动读取，可另存为 .docx/.xlsx 后重新上传",
        MediaKind.Pdf => "PDF 中没有文字层（可能是扫描件）",
        _ => "无法读取该类型文件中的文字",
    };

    private static string DecodeText(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith("\uFEFF"u8))
        {
            return Encoding.UTF8.GetString(span[3..]);
        }

        return Utf8.IsValid(span) ? Encoding.UTF8.GetString(span) : Gb18030.Lenient.GetString(span);
    }

    private static string ExtractDocx(Stream stream)
    {
        try
        {
            using var document = WordprocessingDocument.Open(stream, isEditable: false);
            var main = document.MainDocumentPart;
            var lines = new List<string>();
            if (main?.Document?.Body is { } body)
            {
                Collect(body, null, lines);
            }

            if (main is not null)
            {
                foreach (var header in main.HeaderParts)
                {
                    CollectPart(header.Header, lines);
                }

                foreach (var footer in main.FooterParts)
                {
                    CollectPart(footer.Footer, lines);
                }

                CollectPart(main.FootnotesPart?.Footnotes, lines);
                CollectPart(main.EndnotesPart?.Endnotes, lines);
                CollectPart(main.WordprocessingCommentsPart?.Comments, lines);
            }

            return string.Join('\n', lines);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FormatException or System.Xml.XmlException or IOException)
        {
            throw new MediaRejectedException("无法读取 Word 文档中的文字：文件已损坏或已加密。请另存为未加密的 .docx 后重新上传。", ex);
        }
    }

    private static string ExtractXlsx(Stream stream)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var sharedStrings = workbook?.SharedStringTablePart?.SharedStringTable?.Elements<Sheet.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var lines = new List<string>();
            foreach (var sheet in workbook?.Workbook?.Sheets?.Elements<Sheet.Sheet>() ?? [])
            {
                lines.Add(sheet.Name?.Value ?? string.Empty);
                if (sheet.Id?.Value is not { } id || workbook!.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }

                foreach (var row in part.Worksheet?.Descendants<Sheet.Row>() ?? [])
                {
                    var cells = row.Elements<Sheet.Cell>().Select(c => CellText(c, sharedStrings)).ToList();
                    if (cells.Any(c => c.Length > 0))
                    {
                        lines.Add(string.Join('\t', cells));
                    }
                }

                foreach (var comment in part.WorksheetCommentsPart?.Comments?.Descendants<Sheet.Comment>() ?? [])
                {
                    lines.Add(comment.InnerText);
                }
            }

            return string.Join('\n', lines);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FormatException or System.Xml.XmlException or IOException)
        {
            throw new MediaRejectedException("无法读取 Excel 工作簿中的文字：文件已损坏或已加密。请另存为未加密的 .xlsx 后重新上传。", ex);
        }
    }

    /// <summary>A cell as stored: the shared string it points to, its inline string, or its value (a formula's last result).</summary>
    private static string CellText(Sheet.Cell cell, List<string> sharedStrings)
    {
        if (cell.DataType?.Value == Sheet.CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var value = cell.CellValue?.Text ?? string.Empty;
        return cell.DataType?.Value == Sheet.CellValues.SharedString
            && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < sharedStrings.Count
            ? sharedStrings[index]
            : value;
    }

    private static void CollectPart(OpenXmlElement? root, List<string> lines)
    {
        if (root is not null)
        {
            Collect(root, null, lines);
        }
    }

    /// <summary>
    /// Walks the tree once. Each paragraph becomes one line; a paragraph nested in another (a text box) becomes a
    /// line of its own instead of being run into its parent's text.
    /// </summary>
    private static void Collect(OpenXmlElement element, StringBuilder? line, List<string> lines)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    var inner = new StringBuilder();
                    Collect(paragraph, inner, lines);
                    if (inner.Length > 0)
                    {
                        lines.Add(inner.ToString());
                    }

                    break;
                case Text text:
                    line?.Append(text.Text);
                    break;
                case DeletedText deleted:
                    line?.Append(deleted.Text);
                    break;
                case TabChar:
                    line?.Append('\t');
                    break;
                case Break or CarriageReturn:
                    line?.Append('\n');
                    break;
                case NoBreakHyphen:
                    line?.Append('-');
                    break;
                default:
                    Collect(child, line, lines);
                    break;
            }
        }
    }

    private static string ExtractPdf(byte[] bytes, CancellationToken cancellationToken)
    {
        try
        {
            using var document = PdfDocument.Open(bytes);
            var pages = new List<string>(document.NumberOfPages);
            foreach (var page in document.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                pages.Add(ContentOrderTextExtractor.GetText(page));
            }

            return pages.All(string.IsNullOrWhiteSpace) ? string.Empty : string.Join('\n', pages);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new MediaRejectedException("PDF 文件已加密，无法读取其中的文字进行保密审查。请上传未加密的文件。", ex);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException or MediaRejectedException))
        {
            // PdfPig reports a damaged file with many exception types; to the user they all mean the same.
            throw new MediaRejectedException("无法读取 PDF 文件中的文字：文件已损坏。", ex);
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = content.CanSeek ? new MemoryStream(checked((int)Math.Max(0, content.Length - content.Position))) : new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>The OOXML reader needs to seek; a request body or other forward-only stream is buffered first.</summary>
    private static async Task<Stream> SeekableAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            return content;
        }

        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return buffer;
    }
}
