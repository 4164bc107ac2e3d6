namespace Disclosure.Core.Calendar;

/// <summary>
/// Where services get the current working-day calendar. Implemented by storage (the office may edit the
/// calendar at any time), so ask for it per operation instead of keeping a copy.
/// </summary>
public interface IWorkingDayCalendarSource
{
    Task<WorkingDayCalendar> GetCalendarAsync(CancellationToken cancellationToken = default);
}
