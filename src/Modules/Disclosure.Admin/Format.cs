using Disclosure.Core.Text;
using Disclosure.Core.Time;

namespace Disclosure.Admin;

/// <summary>How times, dates and sizes are shown to the office, for the admin views: dates and times are <see cref="DateText"/>'s.</summary>
public static class Format
{
    public static string Time(DateTime utc) => DateText.Time(utc);

    public static string Time(DateTime? utc) => utc is { } value ? Time(value) : string.Empty;

    /// <summary>File sizes as the public site shows them (“2.5 MB”).</summary>
    public static string Size(long bytes) => FileSizeText.Format(bytes);

    public static string Date(DateOnly date) => DateText.Date(date);
}
