using Disclosure.Core.Calendar;

namespace Disclosure.Interaction.Mailbox;

/// <summary>Where an open letter stands against its reply deadline.</summary>
public enum LetterDeadlineState
{
    OnTime,

    /// <summary>临近期限.</summary>
    Near,

    /// <summary>已超期.</summary>
    Overdue,
}

/// <summary>
/// A letter's reply clock: the kind's limit plus any approved extension, in working days counted from the day after
/// receipt on the office's working-day calendar (法定节假日 and 调休 included), like the 依申请公开 clock.
/// </summary>
public static class LetterClock
{
    public static WorkingDayResult<DateOnly> Due(WorkingDayCalendar calendar, DateOnly receivedOn, int limitWorkingDays, int extensionWorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitWorkingDays);
        ArgumentOutOfRangeException.ThrowIfNegative(extensionWorkingDays);
        return calendar.AddWorkingDays(receivedOn, limitWorkingDays + extensionWorkingDays);
    }

    /// <summary>Working days from the end of <paramref name="today"/> to the end of <paramref name="due"/>: 0 on the last day, negative once overdue.</summary>
    public static int Remaining(WorkingDayCalendar calendar, DateOnly today, DateOnly due) => calendar.CountWorkingDays(today, due).Value;

    public static LetterDeadlineState StateOn(int remaining, int nearWorkingDays) =>
        remaining < 0 ? LetterDeadlineState.Overdue : remaining <= nearWorkingDays ? LetterDeadlineState.Near : LetterDeadlineState.OnTime;

    /// <summary>The working days a reply took: from the day after receipt up to and including the day it was sent (0 when sent the same day).</summary>
    public static int Taken(WorkingDayCalendar calendar, DateOnly receivedOn, DateOnly repliedOn) => Math.Max(0, calendar.CountWorkingDays(receivedOn, repliedOn).Value);

    public static string StateName(LetterDeadlineState state) => state switch
    {
        LetterDeadlineState.Near => "临近期限",
        LetterDeadlineState.Overdue => "已超期",
        _ => "正常",
    };
}
