using Disclosure.Core.Calendar;
using Disclosure.Core.Security;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Enforcement.Services;

/// <summary>What the office's case list is narrowed to; <see cref="Before"/> is the keyset of the next page (a case id).</summary>
public sealed record CaseListFilter(string? Number, string? Kind, string? Unit, long? Before);

/// <summary>One case in the office's list: no party, no personal data.</summary>
public sealed record CaseListRow(long Id, string Number, string KindCode, string UnitName, DateOnly AcceptedOn, string StageCode);

/// <summary>A page of the list, newest first; <see cref="NextBefore"/> is null on the last page.</summary>
public sealed record CaseListPage(IReadOnlyList<CaseListRow> Rows, long? NextBefore);

/// <summary>One 办案单位 on the due board: its events not yet visible to the parties, within and past their 5 working days.</summary>
public sealed record DueBoardRow(string UnitName, int Pending, int Overdue);

/// <summary>An event held back from the parties, with its due date.</summary>
public sealed record HeldEventRow(long EventId, string CaseNumber, string KindCode, string TypeCode, string UnitName, DateOnly FormedOn, DateOnly Due);

/// <summary>An event of a case's timeline and where it stands against the 5-working-day clock.</summary>
public sealed record TimelineEvent(CaseEventRecord Event, DateOnly Due, DateOnly? VisibleOn, EventTimeliness Timeliness);

/// <summary>A party of a case as the case page lists it: its role only.</summary>
public sealed record CasePartyRow(long Id, string RoleCode, bool Notify);

/// <summary>One case with its whole timeline (held events included) and its parties by role.</summary>
public sealed record CaseDetails(EnforcementCaseRecord Case, IReadOnlyList<TimelineEvent> Events, IReadOnlyList<CasePartyRow> Parties);

/// <summary>
/// The office's reads of 执法公开: the case list, the due/overdue board and one case's timeline. Written for a
/// million cases: the list pages by keyset (case id) and never counts everything; the board reads only events not
/// yet visible, and "overdue" is a date comparison (<see cref="EnforcementClock.LatestOverdueFormedOn"/>) on the
/// (VisibleUtc, FormedOn) index.
/// </summary>
public sealed class CaseAdminQueries(DisclosureDbContext db, IWorkingDayCalendarSource calendars, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>The most held events one list shows; more are left for the next look once these are released.</summary>
    public const int HeldListLimit = 500;

    public DateOnly Today => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>The cases of <paramref name="actor"/>'s agency (every agency's for installation staff), newest first, a page at a time.</summary>
    public async Task<CaseListPage> ListAsync(CaseListFilter filter, Actor actor, CancellationToken cancellationToken = default)
    {
        var cases = db.Set<EnforcementCaseRecord>().AsNoTracking().VisibleTo(actor);
        if (CaseText.NormalizeNumber(filter.Number) is { Length: > 0 } number)
        {
            // A prefix of the 案件编号: the unique index on Number serves it.
            cases = cases.Where(c => c.Number.StartsWith(number));
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            cases = cases.Where(c => c.KindCode == filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            var unit = filter.Unit.Trim();
            cases = cases.Where(c => c.UnitName == unit);
        }

        if (filter.Before is { } before)
        {
            cases = cases.Where(c => c.Id < before);
        }

        var rows = await cases.OrderByDescending(c => c.Id).Take(PageSize + 1)
            .Select(c => new CaseListRow(c.Id, c.Number, c.KindCode, c.UnitName, c.AcceptedOn, c.StageCode))
            .ToListAsync(cancellationToken);
        return rows.Count > PageSize ? new CaseListPage(rows[..PageSize], rows[PageSize - 1].Id) : new CaseListPage(rows, null);
    }

    /// <summary>The 案件编号 as stored when a case has exactly this number (as typed), or null: one look-up in the unique index.</summary>
    public async Task<string?> ExactNumberAsync(string? typed, CancellationToken cancellationToken = default)
    {
        var number = CaseText.NormalizeNumber(typed);
        return number.Length == 0 ? null : await db.Set<EnforcementCaseRecord>().AsNoTracking().Where(c => c.Number == number).Select(c => c.Number).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The latest 形成日期 whose held events are overdue today, per agency (each counts on its own calendar).</summary>
    public async Task<CutoffGroups<DateOnly>> OverdueCutoffAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        return (await calendars.GetCalendarsAsync(cancellationToken)).Group(c => EnforcementClock.LatestOverdueFormedOn(c, today));
    }

    /// <summary>Every 办案单位 with events not yet visible to the parties: 待公开 and 超期未公开, most overdue first.</summary>
    public async Task<IReadOnlyList<DueBoardRow>> BoardAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var cutoff = await OverdueCutoffAsync(cancellationToken);
        var held = from e in db.Set<CaseEventRecord>().AsNoTracking()
                   where e.VisibleUtc == null
                   join c in db.Set<EnforcementCaseRecord>().AsNoTracking().VisibleTo(actor) on e.CaseId equals c.Id
                   select new { c.UnitName, c.AgencyCode, e.FormedOn };
        List<DueBoardRow> rows;
        if (cutoff.Others.Count == 0)
        {
            var national = cutoff.National;
            rows = await (from h in held
                          group h.FormedOn by h.UnitName into unit
                          select new DueBoardRow(unit.Key, unit.Sum(f => f > national ? 1 : 0), unit.Sum(f => f <= national ? 1 : 0)))
                .ToListAsync(cancellationToken);
        }
        else
        {
            // Agencies with local days have their own cutoff: count per unit, agency and date, then split each by its agency's cutoff.
            var counted = await (from h in held
                                 group h by new { h.UnitName, h.AgencyCode, h.FormedOn } into g
                                 select new { g.Key.UnitName, g.Key.AgencyCode, g.Key.FormedOn, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var cutoffOf = cutoff.Others.SelectMany(g => g.AgencyCodes.Select(code => (code, g.Value))).ToDictionary(x => x.code, x => x.Value);
            rows = counted
                .GroupBy(r => r.UnitName)
                .Select(unit => new DueBoardRow(
                    unit.Key,
                    unit.Where(r => r.FormedOn > cutoffOf.GetValueOrDefault(r.AgencyCode, cutoff.National)).Sum(r => r.Count),
                    unit.Where(r => r.FormedOn <= cutoffOf.GetValueOrDefault(r.AgencyCode, cutoff.National)).Sum(r => r.Count)))
                .ToList();
        }

        return rows.OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Pending).ThenBy(r => r.UnitName, StringComparer.Ordinal).ToList();
    }

    /// <summary>A unit's held events, overdue ones or those still within their days, oldest first (at most <see cref="HeldListLimit"/>).</summary>
    public async Task<IReadOnlyList<HeldEventRow>> HeldAsync(string unit, bool overdue, Actor actor, CancellationToken cancellationToken = default)
    {
        var agencyCalendars = await calendars.GetCalendarsAsync(cancellationToken);
        var today = Today;
        var cutoff = agencyCalendars.Group(c => EnforcementClock.LatestOverdueFormedOn(c, today));
        var rows = await (from e in db.Set<CaseEventRecord>().AsNoTracking()
                          where e.VisibleUtc == null
                          join c in db.Set<EnforcementCaseRecord>().AsNoTracking().VisibleTo(actor) on e.CaseId equals c.Id
                          where c.UnitName == unit
                          select new { e.Id, c.Number, c.KindCode, e.TypeCode, c.UnitName, e.FormedOn, c.AgencyCode })
            .WhereCutoff(r => r.AgencyCode, r => r.FormedOn, cutoff, onOrBefore: overdue)
            .OrderBy(r => r.FormedOn).ThenBy(r => r.Id)
            .Take(HeldListLimit).ToListAsync(cancellationToken);
        return rows.Select(r => new HeldEventRow(r.Id, r.Number, r.KindCode, r.TypeCode, r.UnitName, r.FormedOn,
            EnforcementClock.Due(agencyCalendars.For(r.AgencyCode), r.FormedOn).Value)).ToList();
    }

    /// <summary>Whether <paramref name="actor"/> may see and act on the case (false too when there is none).</summary>
    public Task<bool> MayActOnAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        var normalized = CaseText.NormalizeNumber(number);
        return db.Set<EnforcementCaseRecord>().VisibleTo(actor).AnyAsync(c => c.Number == normalized, cancellationToken);
    }

    /// <summary>One case by its 案件编号 (as typed: full-width and spaces are forgiven), or null.</summary>
    public async Task<CaseDetails?> FindAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        var normalized = CaseText.NormalizeNumber(number);
        var found = await db.Set<EnforcementCaseRecord>().AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(c => c.Number == normalized, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var calendar = await calendars.GetCalendarAsync(found.AgencyCode, cancellationToken);
        var today = Today;
        var events = await db.Set<CaseEventRecord>().AsNoTracking().Where(e => e.CaseId == found.Id).OrderBy(e => e.FormedOn).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var parties = await db.Set<CasePartyRecord>().AsNoTracking().Where(p => p.CaseId == found.Id).OrderBy(p => p.Id)
            .Select(p => new CasePartyRow(p.Id, p.RoleCode, p.Notify)).ToListAsync(cancellationToken);
        return new CaseDetails(
            found,
            events.Select(e =>
            {
                var visibleOn = e.VisibleUtc is { } utc ? ChinaTime.ToDate(utc) : (DateOnly?)null;
                return new TimelineEvent(e, EnforcementClock.Due(calendar, e.FormedOn).Value, visibleOn, EnforcementClock.Evaluate(calendar, e.FormedOn, visibleOn, today));
            }).ToList(),
            parties);
    }
}
