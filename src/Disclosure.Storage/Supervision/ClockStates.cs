using Disclosure.Core.Calendar;

namespace Disclosure.Storage.Supervision;

/// <summary>The one way a clock turns its dates into a <see cref="ClockState"/>, so every clock on the board means the same by each state.</summary>
public static class ClockStates
{
    /// <summary>
    /// Done items are on time when done on or before the due day. A running item is overdue once today is past the due
    /// day, and due soon when at most <paramref name="dueSoonWorkingDays"/> working days remain after today (0 on the
    /// due day itself).
    /// </summary>
    public static ClockState Of(WorkingDayCalendar calendar, DateOnly today, DateOnly due, DateOnly? doneOn, int dueSoonWorkingDays)
    {
        if (doneOn is { } done)
        {
            return done <= due ? ClockState.DoneOnTime : ClockState.DoneLate;
        }

        if (today > due)
        {
            return ClockState.Overdue;
        }

        return calendar.CountWorkingDays(today, due).Value <= dueSoonWorkingDays ? ClockState.DueSoon : ClockState.Running;
    }

    public static string Name(ClockState state) => state switch
    {
        ClockState.Running => "办理中",
        ClockState.DueSoon => "临近期限",
        ClockState.Overdue => "已超期",
        ClockState.DoneOnTime => "按时办结",
        ClockState.DoneLate => "超期办结",
        _ => state.ToString(),
    };
}
