using Disclosure.Core.Calendar;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Enforcement.Services;

/// <summary>One 办案单位's (or the total's) events of the month against the 5-working-day clock.</summary>
public sealed record TimelinessRow(string UnitName, int Count, int OnTime, int Late, int Pending, int Overdue)
{
    /// <summary>
    /// 按时公开率: on time among the events that can be judged (visible, or past their due date); events still within
    /// their days are left out, as they may yet be on time. Null when none can be judged.
    /// </summary>
    public double? OnTimeRate => OnTime + Late + Overdue is var judged and > 0 ? (double)OnTime / judged : null;

    public static TimelinessRow Sum(string name, IEnumerable<TimelinessRow> rows)
    {
        var all = rows.ToList();
        return new TimelinessRow(name, all.Sum(r => r.Count), all.Sum(r => r.OnTime), all.Sum(r => r.Late), all.Sum(r => r.Pending), all.Sum(r => r.Overdue));
    }
}

/// <summary>An event late (超期公开) or still overdue (超期未公开).</summary>
public sealed record MissedEvent(string CaseNumber, string UnitName, string EventName, DateOnly FormedOn, DateOnly Due, DateOnly? VisibleOn, EventTimeliness Timeliness);

/// <summary>The month's report: per unit and total, and every event that missed its day.</summary>
public sealed record TimelinessMonth(int Year, int Month, DateOnly Today, IReadOnlyList<TimelinessRow> Units, TimelinessRow Total, IReadOnlyList<MissedEvent> Missed, string? CalendarWarning)
{
    public string Title => $"执法信息公开及时性月报（{Year}年{Month}月）";
}

/// <summary>
/// 执法信息公开及时性月报: the events formed in a month (by 形成日期), each judged by <see cref="EnforcementClock"/> on
/// the office's working-day calendar as of today — 按时公开, 超期公开, 待公开 or 超期未公开 — counted per 办案单位 and in
/// total, with the list of those that missed their day. No party and no personal data is read.
/// </summary>
public sealed class TimelinessReport(DisclosureDbContext db, CaseKindStore kinds, IWorkingDayCalendarSource calendars, TimeProvider clock)
{
    public const string TotalName = "合计";

    public async Task<TimelinessMonth> ComputeAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        var today = ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);
        // Each event is judged on its case's agency's calendar (local holidays included).
        var agencyCalendars = await calendars.GetCalendarsAsync(cancellationToken);
        var vocabulary = await kinds.GetAsync(cancellationToken);
        var events = await (from e in db.Set<CaseEventRecord>().AsNoTracking()
                            where e.FormedOn >= first && e.FormedOn < next
                            join c in db.Set<EnforcementCaseRecord>().AsNoTracking() on e.CaseId equals c.Id
                            select new { c.AgencyCode, c.Number, c.UnitName, c.KindCode, e.TypeCode, e.FormedOn, e.VisibleUtc })
            .ToListAsync(cancellationToken);

        var judged = events.Select(e =>
        {
            var visibleOn = e.VisibleUtc is { } utc ? ChinaTime.ToDate(utc) : (DateOnly?)null;
            var calendar = agencyCalendars.For(e.AgencyCode);
            var due = EnforcementClock.Due(calendar, e.FormedOn);
            return new Judged(e.Number, e.UnitName, e.KindCode, e.TypeCode, e.FormedOn, due, visibleOn, EnforcementClock.Evaluate(calendar, e.FormedOn, visibleOn, today));
        }).ToList();

        var units = judged.GroupBy(e => e.UnitName)
            .Select(g => new TimelinessRow(g.Key, g.Count(), Count(g, EventTimeliness.OnTime), Count(g, EventTimeliness.Late), Count(g, EventTimeliness.Pending), Count(g, EventTimeliness.Overdue)))
            .OrderBy(r => r.UnitName, StringComparer.Ordinal)
            .ToList();
        var missed = judged.Where(e => e.Timeliness is EventTimeliness.Late or EventTimeliness.Overdue)
            .OrderBy(e => e.UnitName, StringComparer.Ordinal).ThenBy(e => e.FormedOn).ThenBy(e => e.Number, StringComparer.Ordinal)
            .Select(e => new MissedEvent(e.Number, e.UnitName, vocabulary.EventName(e.KindCode, e.TypeCode), e.FormedOn, e.Due.Value, e.VisibleOn, e.Timeliness))
            .ToList();
        var warning = judged.Select(e => e.Due.Warning).FirstOrDefault(w => w is not null);
        return new TimelinessMonth(year, month, today, units, TimelinessRow.Sum(TotalName, units), missed, warning);
    }

    private static int Count(IEnumerable<Judged> events, EventTimeliness state) => events.Count(e => e.Timeliness == state);

    private sealed record Judged(string Number, string UnitName, string KindCode, string TypeCode, DateOnly FormedOn, WorkingDayResult<DateOnly> Due, DateOnly? VisibleOn, EventTimeliness Timeliness);
}
