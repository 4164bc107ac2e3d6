using System.Globalization;
using Disclosure.Core.Time;

namespace Disclosure.Interaction.Surveys;

/// <summary>
/// The window's ends as the office types them, in China time like every date of the site: a date-time
/// (<c>2026-11-01 09:00</c>, or the browser's <c>2026-11-01T09:00</c>) or a date alone — an opening date opens at 00:00,
/// a closing date closes at the end of that day.
/// </summary>
public static class SurveyWindow
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    public static bool TryParse(string? text, bool closing, out DateTime utc, out string? error)
    {
        utc = default;
        error = null;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            error = closing ? "请填写结束时间。" : "请填写开始时间。";
            return false;
        }

        if (DateTime.TryParseExact(trimmed, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = ToUtc(local);
            return true;
        }

        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            utc = ToUtc((closing ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue));
            return true;
        }

        error = $"“{trimmed}”不是有效的时间，请按 2026-11-01 09:00 或 2026-11-01 的格式填写（北京时间）。";
        return false;
    }

    /// <summary>The value for a <c>datetime-local</c> field, in China time.</summary>
    public static string Input(DateTime utc) => ChinaTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static DateTime ToUtc(DateTime local) => new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset).UtcDateTime;
}
