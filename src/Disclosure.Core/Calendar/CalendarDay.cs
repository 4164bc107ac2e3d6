namespace Disclosure.Core.Calendar;

/// <summary>What the State Council's annual notice (部分节假日安排的通知) makes of a date.</summary>
public enum CalendarDayKind
{
    /// <summary>放假: a day off, weekday or not, during a festival.</summary>
    Holiday,

    /// <summary>调休上班: a Saturday or Sunday worked to make up for a bridged weekday.</summary>
    AdjustedWorkingDay,
}

/// <summary>A date the notice names, with the festival it belongs to (春节, 国庆节 …).</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name)
{
    public int Year => Date.Year;
}

/// <summary>
/// One year's holiday arrangements as published: its special days and the notice they come from
/// (e.g. 国办发明电〔2024〕12号). A year present in a <see cref="WorkingDayCalendar"/> is "covered".
/// </summary>
public sealed record CalendarYear(int Year, string? Source, IReadOnlyList<CalendarDay> Days);

public static class CalendarDayKinds
{
    public static string DisplayName(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => "放假",
        CalendarDayKind.AdjustedWorkingDay => "调休上班",
        _ => kind.ToString(),
    };
}
