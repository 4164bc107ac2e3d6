namespace Disclosure.AnnualReports.Models;

/// <summary>
/// When the admin reminds the office of the annual report (条例 第四十九条: published by 31 January). From
/// 1 December of year Y the report on Y is due by 31 January of Y+1; in January the report on the year just ended
/// is due by the 31st, and stays overdue after that until it is published.
/// </summary>
public static class ReportReminder
{
    /// <summary>The years whose report should be reminded of today (most recent first), given a test of publication.</summary>
    public static IReadOnlyList<ReminderItem> Due(DateOnly today, Func<int, bool> isPublished)
    {
        var items = new List<ReminderItem>();
        if (today.Month == 12 && !isPublished(today.Year))
        {
            items.Add(new ReminderItem(today.Year, Deadline(today.Year), Overdue: false));
        }

        // From January on, last year's report is due (and overdue after 31 January) until it is published.
        var previous = today.Year - 1;
        if (today.Month != 12 && !isPublished(previous))
        {
            items.Add(new ReminderItem(previous, Deadline(previous), Overdue: today > Deadline(previous)));
        }

        return items;
    }

    public static DateOnly Deadline(int reportYear) => new(reportYear + 1, 1, 31);
}

/// <summary>One reminder: the report on <paramref name="Year"/>, due by <paramref name="Deadline"/>.</summary>
public sealed record ReminderItem(int Year, DateOnly Deadline, bool Overdue)
{
    public string Message => Overdue
        ? $"{Year}年政府信息公开工作年度报告应于{Deadline.Year}年1月31日前公布，现已逾期，尚未发布。"
        : $"{Year}年政府信息公开工作年度报告应于{Deadline.Year}年1月31日前公布，尚未发布。";
}
