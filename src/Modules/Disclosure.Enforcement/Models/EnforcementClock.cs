using Disclosure.Core.Calendar;

namespace Disclosure.Enforcement.Models;

/// <summary>
/// The 5-working-day clock of 执法信息查询 (《公安机关执法公开规定》, seed 003 §四(二)): information is to be open to the
/// parties' query within 5 working days of the day it was formed or changed. The day it was formed does not count;
/// the fifth working day after it is the last on time. Counted on the office's working-day calendar, so 国庆 and
/// 春节 (and their 调休 Saturdays) count as they should.
/// </summary>
public static class EnforcementClock
{
    public const int WorkingDays = 5;

    /// <summary>The last day on which an event formed on <paramref name="formedOn"/> may become visible and be on time.</summary>
    public static WorkingDayResult<DateOnly> Due(WorkingDayCalendar calendar, DateOnly formedOn) =>
        calendar.AddWorkingDays(formedOn, WorkingDays);

    /// <summary>Where an event stands against its due date on <paramref name="today"/>.</summary>
    public static EventTimeliness Evaluate(WorkingDayCalendar calendar, DateOnly formedOn, DateOnly? visibleOn, DateOnly today)
    {
        var due = Due(calendar, formedOn).Value;
        return visibleOn switch
        {
            { } shown when shown <= due => EventTimeliness.OnTime,
            not null => EventTimeliness.Late,
            null when today <= due => EventTimeliness.Pending,
            _ => EventTimeliness.Overdue,
        };
    }

    /// <summary>
    /// The latest 形成日期 whose events are overdue on <paramref name="today"/> if still not visible
    /// (<see cref="WorkingDayCalendar.LatestStartEndedBefore"/>): every unreleased event formed on or before it is
    /// overdue, none after it.
    /// </summary>
    public static DateOnly LatestOverdueFormedOn(WorkingDayCalendar calendar, DateOnly today) =>
        calendar.LatestStartEndedBefore(today, WorkingDays);
}

/// <summary>An event against the 5-working-day clock.</summary>
public enum EventTimeliness
{
    /// <summary>Not yet visible to the parties, still within its 5 working days (待公开).</summary>
    Pending,

    /// <summary>Not yet visible and past its due date (超期未公开).</summary>
    Overdue,

    /// <summary>Visible on or before its due date (按时公开).</summary>
    OnTime,

    /// <summary>Visible, but after its due date (超期公开).</summary>
    Late,
}

public static class EventTimelinessNames
{
    public static string Name(EventTimeliness timeliness) => timeliness switch
    {
        EventTimeliness.Pending => "待公开",
        EventTimeliness.Overdue => "超期未公开",
        EventTimeliness.OnTime => "按时公开",
        EventTimeliness.Late => "超期公开",
        _ => timeliness.ToString(),
    };
}
