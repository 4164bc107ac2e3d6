using System.Globalization;
using System.Text;

namespace Disclosure.Media;

/// <summary>
/// Makes an uploaded file name safe to show and to send back in a download. The name is never used as a path on
/// disk (files are stored under random names), but it is shown to the public next to the attachment, so it must
/// not carry a path, control characters or bidirectional overrides (“申请表‮fdp.exe” shows as “申请表exe.pdf”).
/// </summary>
internal static class MediaFileName
{
    public const int MaxLength = 120;

    private const string Fallback = "附件";

    public static string Sanitize(string? fileName)
    {
        // Old browsers on Windows send the whole path ("C:\Users\…\申请表.docx"); keep only the last part.
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];

        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.OtherNotAssigned:
                    continue;
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.SpaceSeparator:
                    builder.Append(' ');
                    continue;
            }

            // Characters Windows refuses in a file name would break the download on the reader's machine.
            builder.Append(rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*' ? "_" : rune.ToString());
        }

        name = builder.ToString().Trim().TrimEnd('.').TrimEnd();
        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length].Trim();
        if (stem.Length == 0 || stem.All(c => c == '.'))
        {
            stem = Fallback;
        }

        if (stem.Length + extension.Length > MaxLength && extension.Length < MaxLength)
        {
            var keep = MaxLength - extension.Length;
            if (char.IsHighSurrogate(stem[keep - 1]))
            {
                keep--;
            }

            stem = stem[..keep].TrimEnd();
        }

        return stem + extension;
    }
}
