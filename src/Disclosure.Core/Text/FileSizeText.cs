using System.Globalization;

namespace Disclosure.Core.Text;

/// <summary>File sizes as people read them, on the public site, in the admin and in upload messages: “25.3 MB”, “512 KB”, “300 字节”.</summary>
public static class FileSizeText
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " 字节",
    };

    /// <summary>A size just over <paramref name="limit"/>, with enough digits that it does not read as equal to the limit.</summary>
    public static string FormatOver(long bytes, long limit)
    {
        var text = Format(bytes);
        return text != Format(limit) ? text : bytes.ToString("#,0", CultureInfo.InvariantCulture) + " 字节";
    }
}
