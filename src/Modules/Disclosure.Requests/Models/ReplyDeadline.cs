using Disclosure.Core.Calendar;

namespace Disclosure.Requests.Models;

/// <summary>
/// A stretch of time that does not count towards the reply period (第三十三条: 征求第三方和其他机关意见所需时间不计算在
/// 前款规定的期限内). The working days after <see cref="Start"/> up to and including the end are skipped: the day the
/// consultation goes out was a day of work on the application, and counting resumes the day after the reply
/// arrives, as it does after receipt.
/// </summary>
/// <param name="Start">The day the consultation was sent (征求意见之日).</param>
/// <param name="End">The day the reply arrived, or null while it is awaited.</param>
public sealed record DeadlinePause(DateOnly Start, DateOnly? End);

/// <summary>
/// The statutory periods of the 2019 条例 counted on the working-day calendar: reply within 20 working days of
/// receipt (第三十三条), extension by at most 20 with approval, 补正 notice within 7 working days (第三十条) after
/// which the period runs from the corrected application's receipt, third-party consultation of at most 15 working
/// days (第三十二条) that does not count. Days are counted from the day after receipt (自收到申请次日起算).
/// </summary>
public static class ReplyDeadline
{
    public const int ReplyWorkingDays = 20;
    public const int MaxExtensionWorkingDays = 20;
    public const int CorrectionNoticeWorkingDays = 7;
    public const int ThirdPartyWorkingDays = 15;

    /// <summary>Working days left at or below which an application is flagged as near its deadline (临近期限).</summary>
    public const int NearThreshold = 5;

    /// <summary>The last day a 补正 notice may be sent for an application received on <paramref name="received"/>.</summary>
    public static WorkingDayResult<DateOnly> CorrectionNoticeDue(WorkingDayCalendar calendar, DateOnly received) =>
        calendar.AddWorkingDays(received, CorrectionNoticeWorkingDays);

    /// <summary>
    /// The last day a consultation started on <paramref name="start"/> can pause the clock: the third party has 15
    /// working days, and silence after them lets the office decide (逾期未提出意见的，由行政机关依照本条例的规定决定).
    /// </summary>
    public static DateOnly PauseLimit(WorkingDayCalendar calendar, DateOnly start) =>
        calendar.AddWorkingDays(start, ThirdPartyWorkingDays).Value;

    /// <summary>
    /// The last day of the reply period. <paramref name="clockStart"/> is the receipt date, or the receipt date of
    /// the corrected application after a 补正. An open pause is assumed to last its full 15 working days, so while
    /// one is open the answer is the latest the deadline can be.
    /// </summary>
    public static WorkingDayResult<DateOnly> Due(WorkingDayCalendar calendar, DateOnly clockStart, IEnumerable<DeadlinePause> pauses, int extensionWorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extensionWorkingDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(extensionWorkingDays, MaxExtensionWorkingDays);
        var skipped = Effective(calendar, pauses);
        return calendar.AddWorkingDays(clockStart, ReplyWorkingDays + extensionWorkingDays, date => IsPaused(skipped, date));
    }

    /// <summary>
    /// Counted working days from the end of <paramref name="today"/> to the end of <paramref name="due"/>: 0 on the
    /// last day, negative once overdue (the count of counted days since). Paused days do not count either way.
    /// </summary>
    public static int Remaining(WorkingDayCalendar calendar, DateOnly today, DateOnly due, IEnumerable<DeadlinePause> pauses)
    {
        var skipped = Effective(calendar, pauses);
        return calendar.CountWorkingDays(today, due, date => IsPaused(skipped, date)).Value;
    }

    /// <summary>How the deadline stands with <paramref name="remaining"/> counted days left: <see cref="DeadlineState.Overdue"/> once past, near within 5 counted days.</summary>
    public static DeadlineState StateOn(int remaining) => remaining switch
    {
        < 0 => DeadlineState.Overdue,
        <= NearThreshold => DeadlineState.Near,
        _ => DeadlineState.OnTime,
    };

    private static List<(DateOnly Start, DateOnly End)> Effective(WorkingDayCalendar calendar, IEnumerable<DeadlinePause> pauses) =>
        pauses.Select(p =>
        {
            var limit = PauseLimit(calendar, p.Start);
            return (p.Start, p.End is { } end && end < limit ? end : limit);
        }).ToList();

    private static bool IsPaused(List<(DateOnly Start, DateOnly End)> pauses, DateOnly date)
    {
        foreach (var (start, end) in pauses)
        {
            if (date > start && date <= end)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Where an open application stands against its reply deadline.</summary>
public enum DeadlineState
{
    /// <summary>More than 5 counted working days left.</summary>
    OnTime,

    /// <summary>临近期限: 5 or fewer counted working days left (0 on the last day).</summary>
    Near,

    /// <summary>已超期.</summary>
    Overdue,

    /// <summary>计时中止: waiting for the applicant's 补正, so no reply period runs.</summary>
    Stopped,

    /// <summary>已办结.</summary>
    Closed,
}

public static class DeadlineStates
{
    public static string DisplayName(DeadlineState state) => state switch
    {
        DeadlineState.OnTime => "正常",
        DeadlineState.Near => "临近期限",
        DeadlineState.Overdue => "已超期",
        DeadlineState.Stopped => "计时中止（待补正）",
        DeadlineState.Closed => "已办结",
        _ => state.ToString(),
    };
}
