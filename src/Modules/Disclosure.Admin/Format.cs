using Disclosure.Core.Time;

namespace Disclosure.Admin;

/// <summary>How times, dates and sizes are shown to the office: Beijing time, YYYY-MM-DD HH:mm.</summary>
public static class Format
{
    public static string Time(DateTime utc) => ChinaTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Time(DateTime? utc) => utc is { } value ? Time(value) : string.Empty;

    /// <summary>File sizes as the public site shows them (“2.5 MB”).</summary>
    public static string Size(long bytes) => Disclosure.Contents.Rendering.FieldRenderer.FormatSize(bytes);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
