namespace Disclosure.Media;

/// <summary>What an attachment really is, as told by its content rather than its name.</summary>
public enum MediaKind
{
    Pdf,
    Docx,
    Xlsx,
    Doc,
    Xls,
    Jpeg,
    Png,
    Gif,
    Text,
}
