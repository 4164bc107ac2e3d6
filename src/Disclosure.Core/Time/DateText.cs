using System.Globalization;

namespace Disclosure.Core.Time;

/// <summary>
/// The one way dates and times are written for people and for files: Beijing time (<see cref="ChinaTime"/>), the
/// invariant culture, and the few formats the office uses. A page, an export, a letter or a ledger detail that shows
/// a date calls this rather than spelling a format string.
/// </summary>
public static class DateText
{
    /// <summary>2024-03-05: pages, exports, form values, 成文日期.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2024年3月5日: letters, receipts and the public status answer.</summary>
    public static string Chinese(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant as Beijing time to the minute, 2024-03-05 14:07.</summary>
    public static string Time(DateTime utc) => ChinaTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant as Beijing time in a download's file name, 20240305-1407.</summary>
    public static string FileStamp(DateTime utc) => ChinaTime.ToLocal(utc).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);

    /// <summary>A UTC instant to the second for machines (feeds, signed files), 2024-03-05T06:07:08Z.</summary>
    public static string Utc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
