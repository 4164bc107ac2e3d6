namespace Disclosure.Core.Calendar;

/// <summary>
/// Which years the office should be reminded to enter. The current year must always be covered; the next
/// year's arrangements are published by the State Council in November, so from 1 November on a missing next
/// year is reported too — deadlines counted from December already run into it.
/// </summary>
public static class CalendarCoverage
{
    /// <summary>From this day of the year on, next year's arrangements are expected.</summary>
    public const int NextYearExpectedFromMonth = 11;

    public static IReadOnlyList<int> MissingYears(WorkingDayCalendar calendar, DateOnly today)
    {
        var missing = new List<int>();
        if (!calendar.Covers(today.Year))
        {
            missing.Add(today.Year);
        }

        if (today.Month >= NextYearExpectedFromMonth && !calendar.Covers(today.Year + 1))
        {
            missing.Add(today.Year + 1);
        }

        return missing;
    }

    /// <summary>The zh-CN reminder for the admin dashboard, or null when nothing is missing.</summary>
    public static string? Warning(WorkingDayCalendar calendar, DateOnly today)
    {
        var missing = MissingYears(calendar, today);
        if (missing.Count == 0)
        {
            return null;
        }

        var years = string.Join("、", missing.Select(y => $"{y} 年"));
        var published = missing.Contains(today.Year + 1) ? "国务院办公厅通常在每年 11 月公布下一年的放假安排，" : string.Empty;
        return $"工作日历中还没有 {years}的节假日安排。{published}请尽快在工作日历中导入；在此之前，涉及这些年份的办理期限按推算的法定节假日（未含调休）估算，标为“预计”。";
    }
}
