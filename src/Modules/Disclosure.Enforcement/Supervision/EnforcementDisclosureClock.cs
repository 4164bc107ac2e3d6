using Disclosure.Core.Calendar;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Storage;
using Disclosure.Storage.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Enforcement.Supervision;

/// <summary>
/// 执法公开's 5-working-day clock on the supervision board (<see cref="EnforcementClock"/>): every case event not yet
/// visible to its parties, and every event that became visible in the period. Cases name their 办案单位 by name rather
/// than by a department code, so the board counts them per 办案单位.
/// </summary>
public sealed class EnforcementDisclosureClock(DisclosureDbContext db, IWorkingDayCalendarSource calendars) : ISupervisionClock
{
    public string Key => "enforcement";

    public string Name => "执法公开";

    public string Rule => "执法信息自形成或者变更之日起 5 个工作日内向当事人公开（公安机关执法公开规定）";

    public int Order => 40;

    public async Task<IReadOnlyList<ClockEntry>> EntriesAsync(ClockQuery query, CancellationToken cancellationToken)
    {
        var fromUtc = ChinaTime.StartOfDayUtc(query.DoneFrom);
        var toUtc = ChinaTime.StartOfDayUtc(query.DoneTo.AddDays(1));
        var events = await (
            from e in db.Set<CaseEventRecord>().AsNoTracking()
            join c in db.Set<EnforcementCaseRecord>().AsNoTracking() on e.CaseId equals c.Id
            where query.AgencyCode == null || c.AgencyCode == query.AgencyCode
            where e.VisibleUtc == null || (e.VisibleUtc >= fromUtc && e.VisibleUtc < toUtc)
            select new { c.Number, c.AgencyCode, c.UnitName, e.DocumentName, e.FormedOn, e.VisibleUtc })
            .ToListAsync(cancellationToken);
        var agencyCalendars = await calendars.GetCalendarsAsync(cancellationToken);
        return events.Select(e =>
        {
            var calendar = agencyCalendars.For(e.AgencyCode);
            var due = EnforcementClock.Due(calendar, e.FormedOn).Value;
            var done = e.VisibleUtc is { } visible ? ChinaTime.ToDate(visible) : (DateOnly?)null;
            return new ClockEntry($"{e.Number} {e.DocumentName}", e.AgencyCode, e.UnitName, "/admin/enforcement/" + e.Number,
                e.FormedOn, due, done, ClockStates.Of(calendar, query.Today, due, done, query.DueSoonWorkingDays));
        }).ToList();
    }
}
