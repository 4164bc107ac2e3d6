using Disclosure.Core.Calendar;
using Disclosure.Core.Security;
using Disclosure.Core.Time;
using Disclosure.Requests.Data;
using Disclosure.Requests.Models;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Requests.Services;

/// <summary>An application as the office's list shows it: no personal data, its deadline evaluated for today.</summary>
public sealed record RequestRow(
    string Number,
    RequestChannel Channel,
    ApplicantKind Kind,
    DateOnly ReceivedOn,
    string Description,
    RequestStage Stage,
    string? DepartmentCode,
    bool Extended,
    RequestOutcome? Outcome,
    DateOnly? ClosedOn,
    DeadlineStatus Deadline)
{
    /// <summary>Answered after its deadline (逾期答复), for closed applications.</summary>
    public bool AnsweredLate => ClosedOn is { } closed && Deadline.Due is { } due && closed > due;
}

/// <summary>The list's filters; all optional.</summary>
public sealed record RequestFilter(
    RequestStage? Stage = null,
    DeadlineState? Deadline = null,
    ApplicantKind? Kind = null,
    int? Year = null,
    string? Department = null,
    string? Text = null,
    bool OpenOnly = false);

/// <summary>
/// Reads applications for the office: the filtered list, the reminders of those near or past their deadline, one
/// application with its history. Deadlines are computed from the stored facts on the current calendar, never
/// stored, so a calendar correction moves every deadline at once.
/// </summary>
public sealed class RequestQueries(DisclosureDbContext db, IWorkingDayCalendarSource calendars, LedgerHistory history, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>The applications <paramref name="actor"/>'s agency received (every agency's for installation staff), filtered.</summary>
    public async Task<IReadOnlyList<RequestRow>> ListAsync(RequestFilter filter, Actor actor, CancellationToken cancellationToken = default)
    {
        var query = db.Set<InformationRequestRecord>().AsNoTracking().Include(r => r.Consultations).VisibleTo(actor);
        if (filter.Stage is { } stage)
        {
            query = query.Where(r => r.Stage == stage);
        }

        if (filter.OpenOnly)
        {
            query = query.Where(r => r.Stage != RequestStage.Closed);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(r => r.ReceivedOn >= new DateOnly(year, 1, 1) && r.ReceivedOn <= new DateOnly(year, 12, 31));
        }

        if (!string.IsNullOrWhiteSpace(filter.Department))
        {
            query = query.Where(r => r.DepartmentCode == filter.Department);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(r => r.Number.Contains(text) || r.Description.Contains(text));
        }

        var records = await query.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        // Each application's deadline runs on its own 受理机关's calendar (local holidays included).
        var calendar = await calendars.GetCalendarsAsync(cancellationToken);
        var today = Today;
        var rows = records.Select(r => ToRow(r, calendar.For(r.AgencyCode), today));
        return (filter.Deadline is { } state ? rows.Where(r => r.Deadline.State == state) : rows).ToList();
    }

    /// <summary>催办提醒: open applications near (≤ 5 working days) or past their deadline, most urgent first.</summary>
    public async Task<IReadOnlyList<RequestRow>> RemindersAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var open = await ListAsync(new RequestFilter(OpenOnly: true), actor, cancellationToken);
        return open.Where(r => r.Deadline.State is DeadlineState.Near or DeadlineState.Overdue)
            .OrderBy(r => r.Deadline.Remaining).ThenBy(r => r.ReceivedOn).ToList();
    }

    /// <summary>Whether <paramref name="actor"/> may see and act on the application (false too when there is none).</summary>
    public Task<bool> MayActOnAsync(string number, Actor actor, CancellationToken cancellationToken = default) =>
        db.Set<InformationRequestRecord>().VisibleTo(actor).AnyAsync(r => r.Number == number, cancellationToken);

    /// <summary>One application with consultations and appeals (no personal data), or null.</summary>
    public Task<InformationRequestRecord?> FindAsync(string number, CancellationToken cancellationToken = default) =>
        db.Set<InformationRequestRecord>().AsNoTracking()
            .Include(r => r.Consultations.OrderBy(c => c.StartedOn))
            .Include(r => r.Appeals.OrderBy(a => a.FiledOn))
            .SingleOrDefaultAsync(r => r.Number == number, cancellationToken);

    public async Task<DeadlineStatus> DeadlineAsync(InformationRequestRecord request, CancellationToken cancellationToken = default) =>
        RequestService.Timeline(request).Evaluate(await calendars.GetCalendarAsync(request.AgencyCode, cancellationToken), Today);

    /// <summary>The last day a 补正 may be asked for.</summary>
    public async Task<WorkingDayResult<DateOnly>> CorrectionNoticeDueAsync(InformationRequestRecord request, CancellationToken cancellationToken = default) =>
        ReplyDeadline.CorrectionNoticeDue(await calendars.GetCalendarAsync(request.AgencyCode, cancellationToken), request.ReceivedOn);

    /// <summary>What happened to the application, oldest first, from the ledger.</summary>
    public Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string number, CancellationToken cancellationToken = default) =>
        history.OfAsync(RequestLedgerActions.Subject(number), cancellationToken);

    /// <summary>The stored reply letters and released files (newest first), without their content.</summary>
    public async Task<IReadOnlyList<RequestDocumentRow>> DocumentsAsync(long requestId, CancellationToken cancellationToken = default) =>
        await db.Set<RequestDocumentRecord>().AsNoTracking().Where(d => d.RequestId == requestId)
            .OrderByDescending(d => d.Id)
            .Select(d => new RequestDocumentRow(d.Id, d.Kind, d.FileName, d.Sha256, d.Content.Length, d.CreatedUtc, d.CreatedBy))
            .ToListAsync(cancellationToken);

    private static RequestRow ToRow(InformationRequestRecord r, WorkingDayCalendar calendar, DateOnly today) => new(
        r.Number, r.Channel, r.Kind, r.ReceivedOn, r.Description, r.Stage, r.DepartmentCode, r.ExtensionDays > 0, r.Outcome, r.ClosedOn,
        RequestService.Timeline(r).Evaluate(calendar, today));
}

/// <summary>A document kept with an application, as the admin lists it.</summary>
public sealed record RequestDocumentRow(long Id, RequestDocumentKind Kind, string FileName, string Sha256, long Size, DateTime CreatedUtc, string CreatedBy);
