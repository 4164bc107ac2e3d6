using Disclosure.Channels.Notices;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Supervision.Board;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Supervision.Reports;

/// <summary>
/// Makes and keeps each agency's 督查督办月报 once a month, from <see cref="SupervisionOptions.MonthReportDay"/> on, and
/// queues its notice to the leaders when <see cref="SupervisionOptions.PushMonthReport"/> is on. Each agency's report
/// is written with its notice in one transaction, so a node that dies mid-way leaves whole reports only and the next
/// pass (on any node) makes the rest; two nodes making the same report meet on the unique index and one rolls back.
/// </summary>
public sealed class MonthReportArchive(
    SupervisionReports reports, SupervisionBoard board, NoticeWriter notices, DisclosureDbContext db, IOptions<SupervisionOptions> options, TimeProvider clock)
{
    /// <summary>Makes the reports of this month not yet made, if the day has come; returns how many were made here.</summary>
    public async Task<int> MakeDueAsync(CancellationToken cancellationToken)
    {
        var day = options.Value.MonthReportDay;
        var today = board.Today;
        if (day <= 0 || today.Day < day)
        {
            return 0;
        }

        var period = SupervisionPeriod.Month(today.Year, today.Month);
        var made = await db.Set<MonthReportRecord>().AsNoTracking().Where(r => r.Month == period.MonthText).Select(r => r.AgencyCode).ToListAsync(cancellationToken);
        var due = (await db.Agencies.AsNoTracking().Select(a => a.Code).ToListAsync(cancellationToken))
            .Except(made).Order(StringComparer.Ordinal).ToList();
        var count = 0;
        foreach (var agencyCode in due)
        {
            if (await MakeAsync(agencyCode, period, cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The kept reports the actor may read (their agency's; every agency's, or the chosen one's, for installation staff), newest first.</summary>
    public async Task<IReadOnlyList<KeptMonthReport>> ListAsync(Actor actor, string? agencyCode, CancellationToken cancellationToken)
    {
        var kept = db.Set<MonthReportRecord>().AsNoTracking().VisibleTo(actor);
        if (agencyCode is not null)
        {
            kept = kept.Where(r => r.AgencyCode == agencyCode);
        }

        // The figures only: the files stay in the database until one is downloaded.
        return await kept.OrderByDescending(r => r.Month).ThenBy(r => r.AgencyCode).Take(240)
            .Select(r => new KeptMonthReport(r.Id, r.AgencyCode, r.Month, r.Title, r.MadeOn, r.Overdue, r.DoneLate, r.StaleClasses, r.EmptyClasses, r.BrokenLinks))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One kept report with its files, or null when there is none the actor may read.</summary>
    public Task<MonthReportRecord?> FindAsync(Actor actor, long id, CancellationToken cancellationToken) =>
        db.Set<MonthReportRecord>().AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private async Task<bool> MakeAsync(string agencyCode, SupervisionPeriod period, CancellationToken cancellationToken)
    {
        var report = await reports.MakeAsync(agencyCode, period, cancellationToken);
        var record = new MonthReportRecord
        {
            AgencyCode = agencyCode,
            Month = period.MonthText,
            Title = report.Title,
            MadeOn = report.MadeOn,
            MadeUtc = clock.GetUtcNow().UtcDateTime,
            Overdue = report.Overdue,
            DoneLate = report.DoneLate,
            StaleClasses = report.StaleClasses,
            EmptyClasses = report.EmptyClasses,
            BrokenLinks = report.BrokenLinkCount,
            Docx = SupervisionReportFiles.ToDocx(report),
            Xlsx = await SupervisionReportFiles.ToXlsxAsync(report, cancellationToken),
        };
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                db.Set<MonthReportRecord>().Add(record);
                await db.SaveChangesAsync(cancellationToken);
                if (options.Value.PushMonthReport)
                {
                    record.NoticesQueued = notices.Add(MonthReportNotices.Type, record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    await db.SaveChangesAsync(cancellationToken);
                }

                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await IsMadeAsync(agencyCode, period, cancellationToken))
            {
                // Another node made it first.
                return false;
            }

            throw;
        }
    }

    private Task<bool> IsMadeAsync(string agencyCode, SupervisionPeriod period, CancellationToken cancellationToken) =>
        db.Set<MonthReportRecord>().AsNoTracking().AnyAsync(r => r.AgencyCode == agencyCode && r.Month == period.MonthText, cancellationToken);
}

/// <summary>A kept 月报 as the board lists it: its headline figures, without its files.</summary>
public sealed record KeptMonthReport(
    long Id, string AgencyCode, string Month, string Title, DateOnly MadeOn, int Overdue, int DoneLate, int StaleClasses, int EmptyClasses, int BrokenLinks);
