using Disclosure.Core.Time;

namespace Disclosure.Web.Admin;

/// <summary>How times and dates are shown to the office: Beijing time, YYYY-MM-DD HH:mm.</summary>
public static class Format
{
    public static string Time(DateTime utc) => ChinaTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Time(DateTime? utc) => utc is { } value ? Time(value) : string.Empty;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
