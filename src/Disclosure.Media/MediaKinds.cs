namespace Disclosure.Media;

/// <summary>
/// The attachment allow-list: which extensions may be uploaded, which <see cref="MediaKind"/> each must contain,
/// and how a kind is named to the user and to browsers.
/// </summary>
public static class MediaKinds
{
    private static readonly Dictionary<string, MediaKind> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = MediaKind.Pdf,
        [".doc"] = MediaKind.Doc,
        [".docx"] = MediaKind.Docx,
        [".xls"] = MediaKind.Xls,
        [".xlsx"] = MediaKind.Xlsx,
        [".jpg"] = MediaKind.Jpeg,
        [".jpeg"] = MediaKind.Jpeg,
        [".png"] = MediaKind.Png,
        [".gif"] = MediaKind.Gif,
        [".txt"] = MediaKind.Text,
    };

    /// <summary>The allowed extensions, lower case with the dot, e.g. for a file input's <c>accept</c> attribute.</summary>
    public static IReadOnlyCollection<string> AllowedExtensions => ByExtension.Keys;

    /// <summary>The allow-list as the user reads it in a rejection message.</summary>
    public const string AllowedDescription = "PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）、图片（.jpg/.png/.gif）、文本（.txt）";

    /// <summary>The kind a file with this extension (with the dot, any case) must contain; false when not allowed.</summary>
    public static bool TryGetKind(string extension, out MediaKind kind) => ByExtension.TryGetValue(extension, out kind);

    /// <summary>The media type to serve the file with. Text is served without a charset: it may be UTF-8 or GB18030.</summary>
    public static string MediaTypeOf(MediaKind kind) => kind switch
    {
        MediaKind.Pdf => "application/pdf",
        MediaKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        MediaKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        MediaKind.Doc => "application/msword",
        MediaKind.Xls => "application/vnd.ms-excel",
        MediaKind.Jpeg => "image/jpeg",
        MediaKind.Png => "image/png",
        MediaKind.Gif => "image/gif",
        MediaKind.Text => "text/plain",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind as the user knows it, for messages such as “实际内容为 PNG 图片”.</summary>
    public static string DisplayName(MediaKind kind) => kind switch
    {
        MediaKind.Pdf => "PDF 文档",
        MediaKind.Docx => "Word 文档（.docx）",
        MediaKind.Xlsx => "Excel 工作簿（.xlsx）",
        MediaKind.Doc => "Word 97-2003 文档（.doc）",
        MediaKind.Xls => "Excel 97-2003 工作簿（.xls）",
        MediaKind.Jpeg => "JPEG 图片",
        MediaKind.Png => "PNG 图片",
        MediaKind.Gif => "GIF 图片",
        MediaKind.Text => "纯文本",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
