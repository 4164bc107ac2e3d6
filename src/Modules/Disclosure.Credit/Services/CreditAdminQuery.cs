using Disclosure.Core.Security;
using Disclosure.Storage.Agencies;
using Disclosure.Core.Calendar;
using Disclosure.Core.Paging;
using Disclosure.Core.Time;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Storage;
using Disclosure.Storage.Calendar;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Credit.Services;

public sealed record CreditAdminFilter(
    CreditRecordKind Kind,
    CreditRecordStatus? Status = null,
    bool OverdueOnly = false,
    string? Query = null,
    string? Batch = null);

/// <summary>A row of the office's list: the full name (internal), state, and how it stands against its deadlines.</summary>
public sealed record CreditAdminRow(
    long Id,
    string PartyName,
    PartyKind PartyKind,
    string DecisionNumber,
    DateOnly DecisionDate,
    CreditRecordStatus Status,
    DateTime? PublishedUtc,
    DateOnly PublicationDue,
    bool Overdue,
    IReadOnlyList<string> Blocks,
    DateOnly? PublicationEnd,
    Severity? Severity);

public sealed record CreditAdminPage(IReadOnlyList<CreditAdminRow> Rows, int Total, int Page, int PageSize, string? CalendarWarning)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Unpublished records past their 7-working-day deadline, by kind, for the dashboard.</summary>
public sealed record CreditOverdue(int Licences, int Penalties, DateOnly LatestOverdueDecisionDate)
{
    public int Total => Licences + Penalties;
}

/// <summary>
/// The office's view of 双公示 records. "Overdue" (逾期未公示) is a draft that may be published, decided on or before
/// the latest overdue decision date (see <see cref="CreditDeadlines.LatestOverdueDecisionDate"/>), so the check is
/// one indexed date comparison on any number of records and follows every edit of the working-day calendar.
/// </summary>
public sealed class CreditAdminQuery(DisclosureDbContext db, CreditSettings settings, IWorkingDayCalendarSource calendars, TimeProvider clock)
{
    private DateOnly Today => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The agency a new record names as 处罚/许可机关 and 数据来源单位 by default: the user's own
    /// (<paramref name="agencyCode"/>), else the first of the office's; null when the office has none.
    /// </summary>
    public Task<AgencyRecord?> DefaultAgencyAsync(string? agencyCode, CancellationToken cancellationToken = default) =>
        db.Agencies.AsNoTracking().Where(a => a.Code == agencyCode || agencyCode == null).OrderBy(a => a.Code).FirstOrDefaultAsync(cancellationToken);

    public async Task<CreditOverdue> OverdueAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var policy = await settings.GetPolicyAsync(cancellationToken);
        var agencyCalendars = await calendars.GetCalendarsAsync(cancellationToken);
        var today = Today;
        var cutoff = agencyCalendars.Group(c => CreditDeadlines.LatestOverdueDecisionDate(c, policy, today));
        var licences = await Overdue(db.Set<CreditLicenceRecord>().AsNoTracking().VisibleTo(actor), cutoff).CountAsync(cancellationToken);
        var penalties = await OverduePenalties(policy, cutoff, db.Set<CreditPenaltyRecord>().AsNoTracking().VisibleTo(actor)).CountAsync(cancellationToken);
        return new CreditOverdue(licences, penalties, CreditDeadlines.LatestOverdueDecisionDate(agencyCalendars.For(actor.AgencyCode), policy, today));
    }

    /// <summary>Whether <paramref name="actor"/> may see and act on the record (false too when there is none).</summary>
    public Task<bool> MayActOnAsync(CreditRecordKind kind, long id, Actor actor, CancellationToken cancellationToken = default) =>
        kind == CreditRecordKind.Licence
            ? db.Set<CreditLicenceRecord>().VisibleTo(actor).AnyAsync(r => r.Id == id, cancellationToken)
            : db.Set<CreditPenaltyRecord>().VisibleTo(actor).AnyAsync(r => r.Id == id, cancellationToken);

    /// <summary>The records of <paramref name="actor"/>'s agency (every agency's for installation staff), filtered, a page at a time.</summary>
    public async Task<CreditAdminPage> ListAsync(CreditAdminFilter filter, Actor actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var policy = await settings.GetPolicyAsync(cancellationToken);
        // Each record's 7 working days run on its own agency's calendar (local holidays included).
        var agencyCalendars = await calendars.GetCalendarsAsync(cancellationToken);
        var today = Today;
        var cutoff = agencyCalendars.Group(c => CreditDeadlines.LatestOverdueDecisionDate(c, policy, today));
        var skip = PageLimits.Offset(page, pageSize);
        List<CreditRecordBase> rows;
        int total;
        if (filter.Kind == CreditRecordKind.Licence)
        {
            var query = Filtered(db.Set<CreditLicenceRecord>().AsNoTracking().VisibleTo(actor), filter);
            if (filter.OverdueOnly)
            {
                query = Overdue(query, cutoff);
            }

            total = await query.CountAsync(cancellationToken);
            rows = [.. await Ordered(query).Skip(skip).Take(pageSize).ToListAsync(cancellationToken)];
        }
        else
        {
            var query = Filtered(db.Set<CreditPenaltyRecord>().AsNoTracking().VisibleTo(actor), filter);
            if (filter.OverdueOnly)
            {
                query = OverduePenalties(policy, cutoff, query);
            }

            total = await query.CountAsync(cancellationToken);
            rows = [.. await Ordered(query).Skip(skip).Take(pageSize).ToListAsync(cancellationToken)];
        }

        var result = rows.Select(r =>
        {
            var penalty = r as CreditPenaltyRecord;
            var blocks = CreditPublication.Blocks(r.PartyIsMinor, r.InvolvesSecrets, penalty?.Severity, policy);
            var calendar = agencyCalendars.For(r.AgencyCode);
            var due = CreditDeadlines.PublicationDue(calendar, policy, r.DecisionDate).Value;
            var overdue = r.Status == CreditRecordStatus.Draft && blocks.Count == 0 && CreditDeadlines.IsOverdue(calendar, policy, r.DecisionDate, today)
                && (penalty is null || CreditPublication.WithinPeriod(penalty.PublicationEnd, today));
            return new CreditAdminRow(r.Id, r.PartyName, r.PartyKind, r.DecisionNumber, r.DecisionDate, r.Status, r.PublishedUtc, due, overdue, blocks,
                penalty?.PublicationEnd, penalty?.Severity);
        }).ToList();
        var warning = CalendarCoverage.Warning(agencyCalendars.For(actor.AgencyCode), today);
        return new CreditAdminPage(result, total, page, pageSize, warning);
    }

    private static IQueryable<T> Overdue<T>(IQueryable<T> rows, CutoffGroups<DateOnly> cutoff) where T : CreditRecordBase =>
        rows.Where(r => r.Status == CreditRecordStatus.Draft && !r.PartyIsMinor && !r.InvolvesSecrets)
            .WhereCutoff(r => r.AgencyCode, r => r.DecisionDate, cutoff);

    /// <summary>Overdue penalties leave out those whose 公示期 is already over: they can no longer be published at all.</summary>
    private IQueryable<CreditPenaltyRecord> OverduePenalties(CreditPolicy policy, CutoffGroups<DateOnly> cutoff, IQueryable<CreditPenaltyRecord>? rows = null)
    {
        var today = Today;
        var overdue = Overdue(rows ?? db.Set<CreditPenaltyRecord>().AsNoTracking(), cutoff).Where(r => r.PublicationEnd >= today);
        return policy.PublishMinor ? overdue : overdue.Where(r => r.Severity != Severity.Minor);
    }

    private static IQueryable<T> Filtered<T>(IQueryable<T> rows, CreditAdminFilter filter) where T : CreditRecordBase
    {
        if (filter.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        if (filter.Batch is { Length: > 0 } batch)
        {
            rows = rows.Where(r => r.ImportBatch == batch);
        }

        if (filter.Query?.Trim() is { Length: > 0 } text)
        {
            // The office searches the full record: the real name, the decision number, a code or an ID number.
            var key = DecisionNumberKey.Normalize(text);
            var upper = text.ToUpperInvariant();
            rows = rows.Where(r => r.PartyName.StartsWith(text) || r.DecisionNumberKey.StartsWith(key) || r.CreditCode == upper || r.IdNumber == upper
                || r.LegalRepresentativeIdNumber == upper);
        }

        return rows;
    }

    private static IQueryable<T> Ordered<T>(IQueryable<T> rows) where T : CreditRecordBase =>
        rows.OrderByDescending(r => r.DecisionDate).ThenByDescending(r => r.Id);
}
