using Disclosure.Core.Calendar;
using Disclosure.Storage.Changes;

namespace Disclosure.Storage.Entities;

/// <summary>What a day of a working-day calendar records, national or an agency's own.</summary>
public abstract class CalendarDayRow
{
    public DateOnly Date { get; set; }

    /// <summary>The year of <see cref="Date"/>, kept as a column so a year is read and replaced by an index.</summary>
    public int Year { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>The festival: 春节, 国庆节 …</summary>
    public required string Name { get; set; }

    /// <summary>The notice the date comes from (国办发明电〔2025〕7号), when known.</summary>
    public string? Source { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public CalendarDay ToDay() => new(Date, Kind, Name);
}

/// <summary>
/// A holiday (放假) or adjusted working day (调休上班) of the working-day calendar. The date is the key, so the
/// database itself refuses a date listed twice or as both kinds.
/// </summary>
public sealed class CalendarDayRecord : CalendarDayRow, IPublicReadModel
{
}

/// <summary>
/// An agency's own change to the working-day calendar on top of the national one (地方调休, a local holiday): it
/// applies to the agency and every agency below it, and a nearer agency's day wins over a farther one's.
/// </summary>
public sealed class AgencyCalendarDayRecord : CalendarDayRow, IPublicReadModel
{
    public required string AgencyCode { get; set; }
}
