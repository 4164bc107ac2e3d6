namespace Disclosure.Supervision;

/// <summary><c>Supervision:*</c> — how the board judges.</summary>
public sealed class SupervisionOptions
{
    public const string SectionName = "Supervision";

    /// <summary>A running item with this many working days left, or fewer, is 临近期限 on the board.</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>A 目录 class is flagged 即将超期未更新 this many days before its rule makes it stale.</summary>
    public int FreshnessWarningDays { get; set; } = 3;

    /// <summary>
    /// The day of the month (1–28, so every month has it) from which the month's 督查督办月报 is made and kept for each
    /// agency; 0 makes none.
    /// </summary>
    public int MonthReportDay { get; set; } = 25;

    /// <summary>Whether a kept 月报 is also pushed to the leaders as a notice through the app webhook.</summary>
    public bool PushMonthReport { get; set; }
}
