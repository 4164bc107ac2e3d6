using Disclosure.Core.Calendar;
using Disclosure.Core.Security;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Mailbox;

/// <summary>A letter on the office's list with where it stands against its deadline (null once replied).</summary>
public sealed record LetterRow(LetterRecord Letter, DateOnly Due, LetterDeadlineState? State, int? Remaining);

/// <summary>What the office's list is filtered by.</summary>
public sealed record LetterFilter(LetterStage? Stage = null, LetterKind? Kind = null, string? Department = null, string? Search = null, bool DueOnly = false);

/// <summary>One letter for its admin page: the letter, its timeline and attachments' names; the writer is read apart.</summary>
public sealed record LetterDetails(LetterRow Row, IReadOnlyList<LetterStepRecord> Steps, IReadOnlyList<(long Id, string FileName, int Size)> Attachments);

/// <summary>
/// The office's view of letters: the list and board (each actor sees what <see cref="LetterAccess"/> allows), the
/// dashboard's 临近期限 and 已超期 reminders, one letter's page, and the recorded read of a writer's personal data.
/// </summary>
public sealed class LetterQueries(DisclosureDbContext db, IWorkingDayCalendarSource calendars, LedgerWriter ledger, TimeProvider clock, IOptions<MailboxOptions> options)
{
    public const int MaxRows = 500;

    public DateOnly Today => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<LetterRow>> ListAsync(Actor actor, LetterFilter filter, CancellationToken cancellationToken = default)
    {
        var letters = Visible(actor);
        if (filter.Stage is { } stage)
        {
            letters = letters.Where(l => l.Stage == stage);
        }

        if (filter.Kind is { } kind)
        {
            letters = letters.Where(l => l.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Department))
        {
            letters = letters.Where(l => l.DepartmentCode == filter.Department);
        }

        if (LetterText.Clean(filter.Search) is { Length: > 0 } search)
        {
            var number = search.ToUpperInvariant();
            letters = letters.Where(l => l.Number == number || l.Subject.Contains(search));
        }

        if (filter.DueOnly)
        {
            letters = letters.Where(l => l.Stage != LetterStage.Replied);
        }

        // The reminders want the oldest open letters (the most overdue) first; the list the newest.
        var ordered = filter.DueOnly ? letters.OrderBy(l => l.ReceivedUtc) : letters.OrderByDescending(l => l.ReceivedUtc);
        var rows = await RowsAsync(await ordered.Take(MaxRows).ToListAsync(cancellationToken), cancellationToken);
        return filter.DueOnly ? rows.Where(r => r.State is LetterDeadlineState.Near or LetterDeadlineState.Overdue).OrderBy(r => r.Due).ToList() : rows;
    }

    /// <summary>Open letters near or past their deadline that <paramref name="actor"/> handles, the soonest first.</summary>
    public Task<IReadOnlyList<LetterRow>> RemindersAsync(Actor actor, CancellationToken cancellationToken = default) =>
        ListAsync(actor, new LetterFilter(DueOnly: true), cancellationToken);

    /// <summary>Letters per stage that <paramref name="actor"/> sees, for the board's headings.</summary>
    public async Task<IReadOnlyDictionary<LetterStage, int>> CountsAsync(Actor actor, CancellationToken cancellationToken = default) =>
        await Visible(actor).GroupBy(l => l.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<LetterDetails?> FindAsync(string number, Actor actor, CancellationToken cancellationToken = default)
    {
        var letter = await db.Set<LetterRecord>().AsNoTracking().FirstOrDefaultAsync(l => l.Number == number, cancellationToken);
        if (letter is null || !LetterAccess.MaySee(actor, letter))
        {
            return null;
        }

        var steps = await db.Set<LetterStepRecord>().AsNoTracking().Where(s => s.LetterId == letter.Id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var attachments = await db.Set<LetterAttachmentRecord>().AsNoTracking().Where(a => a.LetterId == letter.Id).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, Size = a.Content.Length }).ToListAsync(cancellationToken);
        return new LetterDetails((await RowsAsync([letter], cancellationToken))[0], steps, attachments.Select(a => (a.Id, a.FileName, a.Size)).ToList());
    }

    /// <summary>An attachment of a letter <paramref name="actor"/> may see.</summary>
    public async Task<LetterAttachmentRecord?> AttachmentAsync(string number, long attachmentId, Actor actor, CancellationToken cancellationToken = default)
    {
        var letter = await db.Set<LetterRecord>().AsNoTracking().FirstOrDefaultAsync(l => l.Number == number, cancellationToken);
        if (letter is null || !LetterAccess.MaySee(actor, letter))
        {
            return null;
        }

        return await db.Set<LetterAttachmentRecord>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.LetterId == letter.Id, cancellationToken);
    }

    /// <summary>The writer's personal data, for the 公开办 and the handling department only; every read is in the 台账 with its purpose.</summary>
    public async Task<LetterWriterRecord?> ReadWriterAsync(string number, Actor actor, string purpose, CancellationToken cancellationToken = default)
    {
        var letter = await db.Set<LetterRecord>().AsNoTracking().FirstOrDefaultAsync(l => l.Number == number, cancellationToken);
        if (letter is null || !LetterAccess.MaySee(actor, letter))
        {
            return null;
        }

        return await db.InTransactionAsync(async () =>
        {
            var writer = await db.Set<LetterWriterRecord>().AsNoTracking().FirstAsync(w => w.LetterId == letter.Id, cancellationToken);
            await ledger.AppendAsync(actor.UserName, MailboxLedgerActions.WriterViewed, MailboxLedgerActions.Subject(number), null, null, "目的：" + purpose, cancellationToken);
            return writer;
        }, cancellationToken);
    }

    private IQueryable<LetterRecord> Visible(Actor actor)
    {
        var letters = db.Set<LetterRecord>().AsNoTracking().VisibleTo(actor);
        if (LetterAccess.IsOffice(actor))
        {
            return letters;
        }

        // Mirrors LetterAccess.MaySee for the database: a department's staff see the letters routed to it.
        var department = actor.DepartmentCode;
        return actor.IsInRole(RoleNames.Editor) || actor.IsInRole(RoleNames.DepartmentReviewer)
            ? letters.Where(l => department != null && l.DepartmentCode == department)
            : letters.Where(l => false);
    }

    private async Task<IReadOnlyList<LetterRow>> RowsAsync(IReadOnlyList<LetterRecord> letters, CancellationToken cancellationToken)
    {
        // Each letter is counted on its own agency's calendar (local holidays included).
        var agencyCalendars = await calendars.GetCalendarsAsync(cancellationToken);
        var settings = options.Value;
        var today = Today;
        return letters.Select(l =>
        {
            var calendar = agencyCalendars.For(l.AgencyCode);
            var due = LetterClock.Due(calendar, l.ReceivedOn, settings.LimitFor(l.Kind), l.ExtensionWorkingDays).Value;
            if (l.Stage == LetterStage.Replied)
            {
                return new LetterRow(l, due, null, null);
            }

            var remaining = LetterClock.Remaining(calendar, today, due);
            return new LetterRow(l, due, LetterClock.StateOn(remaining, settings.NearWorkingDays), remaining);
        }).ToList();
    }
}
