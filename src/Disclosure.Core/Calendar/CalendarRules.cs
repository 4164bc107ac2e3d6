using System.Globalization;

namespace Disclosure.Core.Calendar;

/// <summary>
/// What may be entered into a year's arrangements, with the zh-CN message when it may not. Shared by the
/// recipe reader, the admin page and the pasted-list import so all three refuse the same things the same way.
/// </summary>
public static class CalendarRules
{
    public const int MaxNameLength = 50;
    public const int MaxSourceLength = 100;

    /// <summary>The years the calendar accepts data for; outside them a typo (20266) is far likelier than intent.</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"];

    public static string Format(DateOnly date) => Time.DateText.Date(date);

    /// <summary>星期一 … 星期日.</summary>
    public static string WeekdayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        _ => "星期日",
    };

    /// <summary>Reads YYYY-MM-DD (also 2027-2-6, 2027/2/6, 2027.2.6, and full-width digits) or says why not.</summary>
    public static bool TryParseDate(string? text, out DateOnly date, out string? error)
    {
        var trimmed = Normalize(text);
        if (trimmed.Length == 0)
        {
            (date, error) = (default, "请填写日期。");
            return false;
        }

        if (DateOnly.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = null;
            return true;
        }

        error = $"日期“{Truncate(text!.Trim())}”无效，请按 YYYY-MM-DD 填写，例如 2026-10-01。";
        return false;
    }

    public static string? CheckYear(int year) => year is < FirstYear or > LastYear
        ? $"年份 {year} 无效，应在 {FirstYear} 到 {LastYear} 之间。"
        : null;

    public static string? CheckName(string? name) => string.IsNullOrWhiteSpace(name)
        ? "请填写节日名称，例如 春节。"
        : name.Trim().Length > MaxNameLength ? $"节日名称不能超过 {MaxNameLength} 个字符。" : null;

    public static string? CheckSource(string? source) => source is not null && source.Trim().Length > MaxSourceLength
        ? $"文件依据不能超过 {MaxSourceLength} 个字符。"
        : null;

    /// <summary>A date on its own: inside the declared year, and an adjusted working day only on a weekend.</summary>
    public static string? CheckDay(int year, DateOnly date, CalendarDayKind kind)
    {
        if (date.Year != year)
        {
            return $"日期 {Format(date)} 不在 {year} 年内。";
        }

        if (kind == CalendarDayKind.AdjustedWorkingDay && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            return $"{Format(date)} 是{WeekdayName(date.DayOfWeek)}，本来就是工作日；调休上班日只能是星期六或星期日。";
        }

        return null;
    }

    /// <summary>
    /// An agency's local day (本地调整) against the calendar it inherits (national days overlaid by its superiors'):
    /// it must change something there — a local 放假 on a day that is a working day, a local 调休上班 on a day off
    /// (a weekend, or a holiday of the national calendar) — and lie in a year the calendar accepts.
    /// </summary>
    public static string? CheckLocalDay(DateOnly date, CalendarDayKind kind, WorkingDayCalendar inherited)
    {
        if (CheckYear(date.Year) is { } yearError)
        {
            return yearError;
        }

        var working = inherited.IsWorkingDay(date);
        return kind switch
        {
            CalendarDayKind.Holiday when !working =>
                $"{Format(date)}（{WeekdayName(date.DayOfWeek)}）按上级日历本来就不上班{Because(inherited.Find(date))}，无需再设为放假。",
            CalendarDayKind.AdjustedWorkingDay when working =>
                $"{Format(date)}（{WeekdayName(date.DayOfWeek)}）按上级日历本来就是工作日，无需再设为调休上班。",
            _ => null,
        };
    }

    private static string? Because(CalendarDay? day) => day is null ? null : $"（{CalendarDayKinds.DisplayName(day.Kind)}：{day.Name}）";

    /// <summary>A date against one already listed for it: the same kind is a duplicate, the other kind a contradiction.</summary>
    public static string Conflict(CalendarDay existing, CalendarDayKind kind) => existing.Kind == kind
        ? $"{Format(existing.Date)} 已列为{CalendarDayKinds.DisplayName(kind)}日（{existing.Name}），不能重复添加。"
        : $"{Format(existing.Date)} 已列为{CalendarDayKinds.DisplayName(existing.Kind)}日（{existing.Name}），同一天不能既放假又调休上班。";

    private static string Normalize(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        // Full-width digits and punctuation are what a Chinese input method types by default.
        var chars = text.Trim().Select(c => c switch
        {
            >= '０' and <= '９' => (char)('0' + (c - '０')),
            '－' => '-',
            '／' => '/',
            '．' => '.',
            _ => c,
        });
        return new string(chars.ToArray());
    }

    private static string Truncate(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
