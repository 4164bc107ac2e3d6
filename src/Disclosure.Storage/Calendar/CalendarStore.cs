using Disclosure.Core.Calendar;
using Disclosure.Core.Organisation;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Calendar;

/// <summary>
/// The working-day calendar kept in the database: read (cached across requests, see <see cref="CalendarCache"/>)
/// and edited by the office. Every edit runs in one transaction, is checked with <see cref="CalendarRules"/>,
/// bumps the calendar's version counter and is recorded in the 信息发布台账.
/// <para>
/// A year is covered once its arrangements have been imported whole (recipe, pasted list or uploaded file);
/// single days can then be added or removed. Adding a day to a year that was never imported is refused, so a
/// lone entry cannot make a year look covered.
/// </para>
/// </summary>
public sealed class CalendarStore(DisclosureDbContext db, CalendarCache cache, LedgerWriter ledger, TimeProvider clock) : IWorkingDayCalendarSource
{
    /// <summary>The counter bumped by every change; its value tags the cached calendar.</summary>
    public const string VersionCounter = "calendar";

    /// <summary>The national calendar: installation-level computations that belong to no agency.</summary>
    public async Task<WorkingDayCalendar> GetCalendarAsync(CancellationToken cancellationToken = default) =>
        (await SnapshotAsync(cancellationToken)).National;

    /// <summary>
    /// The calendar of an agency (集约化): the national days overlaid by the local days of its superiors from the root
    /// down and then by its own, so the nearest agency's day wins. Null or an unknown code is the national calendar.
    /// </summary>
    public async Task<WorkingDayCalendar> GetCalendarAsync(string? agencyCode, CancellationToken cancellationToken = default)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        if (agencyCode is null || snapshot.LocalDays.Count == 0)
        {
            return snapshot.National;
        }

        var tree = new AgencyTree(await db.Agencies.AsNoTracking().ToListAsync(cancellationToken));
        return snapshot.For(tree.PathTo(agencyCode).Select(a => a.Code).ToList());
    }

    /// <summary>Every agency's calendar at once, for lists that span agencies (read per record with <see cref="AgencyCalendars.For"/>).</summary>
    public async Task<AgencyCalendars> GetCalendarsAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        if (snapshot.LocalDays.Count == 0)
        {
            return AgencyCalendars.NationalOnly(snapshot.National);
        }

        var tree = new AgencyTree(await db.Agencies.AsNoTracking().ToListAsync(cancellationToken));
        var local = new Dictionary<string, WorkingDayCalendar>(StringComparer.Ordinal);
        foreach (var node in tree.All())
        {
            var calendar = snapshot.For(tree.PathTo(node.Code).Select(a => a.Code).ToList());
            if (!ReferenceEquals(calendar, snapshot.National))
            {
                local[node.Code] = calendar;
            }
        }

        return new AgencyCalendars(snapshot.National, local);
    }

    /// <summary>
    /// The calendar an agency's own local days are laid on: the national one overlaid by its superiors' local days
    /// (what a new local day is checked against).
    /// </summary>
    public async Task<WorkingDayCalendar> GetInheritedCalendarAsync(string agencyCode, CancellationToken cancellationToken = default)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        var tree = new AgencyTree(await db.Agencies.AsNoTracking().ToListAsync(cancellationToken));
        var path = tree.PathTo(agencyCode).Select(a => a.Code).ToList();
        return path.Count == 0 ? snapshot.National : snapshot.For(path[..^1]);
    }

    private async Task<CalendarCache.Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var version = await db.Counters.AsNoTracking().Where(c => c.Name == VersionCounter).Select(c => (long?)c.Value).SingleOrDefaultAsync(cancellationToken) ?? 0;
        if (cache.Get(version) is { } cached)
        {
            return cached;
        }

        var records = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var local = await db.AgencyCalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        var snapshot = new CalendarCache.Snapshot(
            version,
            new WorkingDayCalendar(records.GroupBy(r => r.Year).Select(ToYear)),
            local.GroupBy(d => d.AgencyCode, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<CalendarDay>)g.OrderBy(d => d.Date).Select(d => new CalendarDay(d.Date, d.Kind, d.Name)).ToList(),
                StringComparer.Ordinal));

        // Inside a transaction this may be uncommitted data that is about to be rolled back: use it, don't share it.
        if (db.Database.CurrentTransaction is null)
        {
            cache.Set(snapshot);
        }

        return snapshot;
    }

    /// <summary>The days of one year as stored, with who last changed each, in date order.</summary>
    public async Task<IReadOnlyList<CalendarDayRecord>> GetDaysAsync(int year, CancellationToken cancellationToken = default) =>
        await db.CalendarDays.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date).ToListAsync(cancellationToken);

    /// <summary>Adds one holiday or adjusted working day. Returns null when done, otherwise the zh-CN reason and nothing is changed.</summary>
    public async Task<string?> AddDayAsync(CalendarDay day, string? source, string actor, CancellationToken cancellationToken = default)
    {
        var error = CalendarRules.CheckName(day.Name) ?? CalendarRules.CheckSource(source) ?? CalendarRules.CheckDay(day.Year, day.Date, day.Kind);
        if (error is not null)
        {
            return error;
        }

        try
        {
            return await db.InTransactionAsync(async () =>
            {
                if (!await db.CalendarDays.AnyAsync(d => d.Year == day.Year, cancellationToken))
                {
                    return $"{day.Year} 年的节假日安排尚未导入。请先导入全年安排（粘贴或上传国务院办公厅通知的内容），再逐日修改。";
                }

                if (await db.CalendarDays.AsNoTracking().SingleOrDefaultAsync(d => d.Date == day.Date, cancellationToken) is { } existing)
                {
                    return CalendarRules.Conflict(existing.ToDay(), day.Kind);
                }

                db.CalendarDays.Add(NewRecord(day, source, actor));
                await db.SaveChangesAsync(cancellationToken);
                await ChangedAsync(actor, LedgerActions.CalendarDayAdded, Describe(day), cancellationToken);
                return null;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else entered the same date between our check and our insert: report it as the duplicate it is.
            return await db.CalendarDays.AsNoTracking().SingleOrDefaultAsync(d => d.Date == day.Date, cancellationToken) is { } other
                ? CalendarRules.Conflict(other.ToDay(), day.Kind)
                : throw new InvalidOperationException("The calendar day could not be saved.");
        }
    }

    /// <summary>Removes the entry for a date, turning it back into an ordinary day. False when there was none.</summary>
    public Task<bool> RemoveDayAsync(DateOnly date, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var existing = await db.CalendarDays.AsNoTracking().SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
            if (existing is null || await db.CalendarDays.Where(d => d.Date == date).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return false;
            }

            await ChangedAsync(actor, LedgerActions.CalendarDayRemoved, Describe(existing.ToDay()), cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Imports a whole year (the State Council's notice). A year that already has entries is only replaced when
    /// <paramref name="replace"/> is set; returns null when done, otherwise the zh-CN reason.
    /// </summary>
    public Task<string?> ImportYearAsync(CalendarYear year, bool replace, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var existing = await db.CalendarDays.CountAsync(d => d.Year == year.Year, cancellationToken);
            if (existing > 0 && !replace)
            {
                return $"{year.Year} 年已有 {existing} 个日期。如要用导入的内容整体替换，请勾选“替换该年已有安排”。";
            }

            await db.CalendarDays.Where(d => d.Year == year.Year).ExecuteDeleteAsync(cancellationToken);
            db.CalendarDays.AddRange(year.Days.Select(d => NewRecord(d, year.Source, actor)));
            await db.SaveChangesAsync(cancellationToken);
            var holidays = year.Days.Count(d => d.Kind == CalendarDayKind.Holiday);
            var detail = $"{year.Year} 年{(year.Source is null ? null : $"（{year.Source}）")}：放假 {holidays} 天，调休上班 {year.Days.Count - holidays} 天"
                + (existing > 0 ? $"，替换原有 {existing} 个日期" : null);
            await ChangedAsync(actor, LedgerActions.CalendarImported, detail, cancellationToken);
            return (string?)null;
        }, cancellationToken);

    /// <summary>
    /// The recipe step: upserts the year's days by date, so applying the same recipe again changes nothing.
    /// Runs inside the recipe executor's transaction; recipes are not ledger actions.
    /// </summary>
    internal async Task ApplyRecipeYearAsync(CalendarYear year, CancellationToken cancellationToken)
    {
        var stored = await db.CalendarDays.Where(d => d.Year == year.Year).ToDictionaryAsync(d => d.Date, cancellationToken);
        var changed = UpsertRecipeDays(db.CalendarDays, stored, year.Days.Select(d => (d, year.Source)), (d, source) => NewRecord(d, source, "setup"));
        await RecipeDaysSavedAsync(changed, cancellationToken);
    }

    /// <summary>The local days of the given agencies in one year, by agency then date.</summary>
    public async Task<IReadOnlyList<AgencyCalendarDayRecord>> GetAgencyDaysAsync(IReadOnlyCollection<string> agencyCodes, int year, CancellationToken cancellationToken = default) =>
        await db.AgencyCalendarDays.AsNoTracking().Where(d => agencyCodes.Contains(d.AgencyCode) && d.Year == year)
            .OrderBy(d => d.AgencyCode).ThenBy(d => d.Date).ToListAsync(cancellationToken);

    /// <summary>
    /// Adds one local day (本地放假 or 本地调休上班) of an agency. Returns null when done, otherwise the zh-CN reason and
    /// nothing is changed. The day must change the calendar the agency inherits (<see cref="CalendarRules.CheckLocalDay"/>).
    /// </summary>
    public async Task<string?> AddAgencyDayAsync(string agencyCode, CalendarDay day, string? source, string actor, CancellationToken cancellationToken = default)
    {
        var error = CalendarRules.CheckName(day.Name) ?? CalendarRules.CheckSource(source) ?? CalendarRules.CheckYear(day.Year);
        if (error is not null)
        {
            return error;
        }

        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agencyCode, cancellationToken);
                if (agency is null)
                {
                    return $"机构“{agencyCode}”不存在。";
                }

                if (await db.AgencyCalendarDays.AsNoTracking().SingleOrDefaultAsync(d => d.AgencyCode == agencyCode && d.Date == day.Date, cancellationToken) is { } existing)
                {
                    return CalendarRules.Conflict(existing.ToDay(), day.Kind);
                }

                if (CalendarRules.CheckLocalDay(day.Date, day.Kind, await GetInheritedCalendarAsync(agencyCode, cancellationToken)) is { } local)
                {
                    return local;
                }

                db.AgencyCalendarDays.Add(NewAgencyRecord(agencyCode, day, source, actor));
                await db.SaveChangesAsync(cancellationToken);
                await ChangedAsync(actor, LedgerActions.AgencyCalendarDayAdded, Describe(agency, day), cancellationToken);
                return null;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else entered the same date between our check and our insert: report it as the duplicate it is.
            return await db.AgencyCalendarDays.AsNoTracking().SingleOrDefaultAsync(d => d.AgencyCode == agencyCode && d.Date == day.Date, cancellationToken) is { } other
                ? CalendarRules.Conflict(other.ToDay(), day.Kind)
                : throw new InvalidOperationException("The agency's calendar day could not be saved.");
        }
    }

    /// <summary>Removes an agency's local day, so the date follows its superiors' and the national calendar again. False when there was none.</summary>
    public Task<bool> RemoveAgencyDayAsync(string agencyCode, DateOnly date, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var existing = await db.AgencyCalendarDays.AsNoTracking().SingleOrDefaultAsync(d => d.AgencyCode == agencyCode && d.Date == date, cancellationToken);
            if (existing is null
                || await db.AgencyCalendarDays.Where(d => d.AgencyCode == agencyCode && d.Date == date).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                return false;
            }

            var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agencyCode, cancellationToken);
            await ChangedAsync(actor, LedgerActions.AgencyCalendarDayRemoved, Describe(agency, existing.ToDay(), agencyCode), cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// The recipe step's local days of one agency: upserted by date, so applying the same recipe again changes nothing.
    /// Runs inside the recipe executor's transaction; recipes are not ledger actions.
    /// </summary>
    internal async Task ApplyRecipeAgencyDaysAsync(string agencyCode, IReadOnlyList<AgencyCalendarDayDefinition> days, CancellationToken cancellationToken)
    {
        var years = days.Select(d => d.Day.Year).Distinct().ToList();
        var stored = await db.AgencyCalendarDays.Where(d => d.AgencyCode == agencyCode && years.Contains(d.Year)).ToDictionaryAsync(d => d.Date, cancellationToken);
        var changed = UpsertRecipeDays(db.AgencyCalendarDays, stored, days.Select(d => (d.Day, d.Source)), (d, source) => NewAgencyRecord(agencyCode, d, source, "setup"));
        await RecipeDaysSavedAsync(changed, cancellationToken);
    }

    private AgencyCalendarDayRecord NewAgencyRecord(string agencyCode, CalendarDay day, string? source, string actor) =>
        Stamp(new AgencyCalendarDayRecord { AgencyCode = agencyCode, Name = string.Empty, UpdatedBy = string.Empty }, day, source, actor);

    private static string Describe(AgencyRecord? agency, CalendarDay day, string? code = null) =>
        $"{agency?.Name ?? code}（{agency?.Code ?? code}）本地 {Describe(day)}";

    private async Task ChangedAsync(string actor, string action, string detail, CancellationToken cancellationToken)
    {
        await Counters.NextAsync(db, VersionCounter, cancellationToken);
        await ledger.AppendAsync(actor, action, null, null, null, detail, cancellationToken);
        cache.Invalidate();
    }

    private CalendarDayRecord NewRecord(CalendarDay day, string? source, string actor) =>
        Stamp(new CalendarDayRecord { Name = string.Empty, UpdatedBy = string.Empty }, day, source, actor);

    private TRecord Stamp<TRecord>(TRecord record, CalendarDay day, string? source, string actor)
        where TRecord : CalendarDayRow
    {
        (record.Date, record.Year, record.Kind, record.Name) = (day.Date, day.Year, day.Kind, day.Name.Trim());
        record.Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        (record.UpdatedBy, record.UpdatedUtc) = (actor, clock.GetUtcNow().UtcDateTime);
        return record;
    }

    /// <summary>
    /// A recipe's days upserted by date into the calendar's rows (national or an agency's), so applying the same
    /// recipe again changes nothing. True when a row was added or changed.
    /// </summary>
    private bool UpsertRecipeDays<TRecord>(DbSet<TRecord> rows, Dictionary<DateOnly, TRecord> stored, IEnumerable<(CalendarDay Day, string? Source)> days, Func<CalendarDay, string?, TRecord> create)
        where TRecord : CalendarDayRow
    {
        var changed = false;
        foreach (var (day, source) in days)
        {
            if (!stored.TryGetValue(day.Date, out var record))
            {
                rows.Add(create(day, source));
                changed = true;
            }
            else if (record.Kind != day.Kind || record.Name != day.Name || record.Source != source)
            {
                (record.Kind, record.Name, record.Source) = (day.Kind, day.Name, source);
                (record.UpdatedBy, record.UpdatedUtc) = ("setup", clock.GetUtcNow().UtcDateTime);
                changed = true;
            }
        }

        return changed;
    }

    private async Task RecipeDaysSavedAsync(bool changed, CancellationToken cancellationToken)
    {
        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
            await Counters.NextAsync(db, VersionCounter, cancellationToken);
            cache.Invalidate();
        }
    }

    /// <summary>A year's source is the notice most of its dates come from (single days may cite another).</summary>
    private static CalendarYear ToYear(IGrouping<int, CalendarDayRecord> records) => new(
        records.Key,
        records.Where(r => r.Source is not null).GroupBy(r => r.Source).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(),
        records.OrderBy(r => r.Date).Select(r => r.ToDay()).ToList());

    private static string Describe(CalendarDay day) =>
        $"{CalendarRules.Format(day.Date)} {CalendarDayKinds.DisplayName(day.Kind)}（{day.Name}）";
}
