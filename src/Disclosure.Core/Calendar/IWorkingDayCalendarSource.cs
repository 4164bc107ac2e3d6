namespace Disclosure.Core.Calendar;

/// <summary>
/// Where services get the current working-day calendar. Implemented by storage (the office may edit the
/// calendar at any time), so ask for it per operation instead of keeping a copy.
/// <para>
/// A deadline of a record that belongs to an agency (an application, a 双公示 decision, a case, a letter) is counted
/// on that agency's calendar (<see cref="GetCalendarAsync(string?, CancellationToken)"/>: national days with its own
/// and its superiors' local days laid over); only installation-level computations use the national calendar.
/// </para>
/// </summary>
public interface IWorkingDayCalendarSource
{
    /// <summary>The national calendar (no agency's local days).</summary>
    Task<WorkingDayCalendar> GetCalendarAsync(CancellationToken cancellationToken = default);

    /// <summary>The calendar of one agency; the national one for null or an agency without local days.</summary>
    Task<WorkingDayCalendar> GetCalendarAsync(string? agencyCode, CancellationToken cancellationToken = default);

    /// <summary>Every agency's calendar at once, for lists that span agencies.</summary>
    Task<AgencyCalendars> GetCalendarsAsync(CancellationToken cancellationToken = default);
}
