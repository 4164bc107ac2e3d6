using Disclosure.Core.Secrecy;
using Disclosure.Core.Tables;
using Disclosure.Core.Time;
using Disclosure.Interaction.Submissions;
using Disclosure.Media.Tables;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Consultations;

public enum CommentOutcome
{
    /// <summary>Stored as 待审核.</summary>
    Accepted,

    /// <summary>No published consultation with this id.</summary>
    NotFound,

    /// <summary>The window has not opened or has closed: nothing is stored.</summary>
    OutsideWindow,

    /// <summary>A field is wrong: nothing is stored.</summary>
    Invalid,
}

public sealed record CommentResult(CommentOutcome Outcome, long? CommentId, ConsultationSummary? Consultation, IReadOnlyDictionary<string, string> Errors);

/// <summary>An approved comment as the public sees it: never the phone or e-mail.</summary>
public sealed record PublicComment(long Id, string Author, string Body, DateTime SubmittedUtc);

/// <summary>How many comments a consultation has in each moderation state.</summary>
public sealed record CommentCounts(int Pending, int Approved, int Rejected)
{
    public static readonly CommentCounts None = new(0, 0, 0);

    public int Total => Pending + Approved + Rejected;
}

/// <summary>
/// The comments on consultations: taken only while the window is open, shown only once approved, counted by state in
/// the database, moderated and exported by the office with each action in the 台账.
/// </summary>
public sealed class ConsultationComments(DisclosureDbContext db, ConsultationDirectory directory, LedgerWriter ledger, TimeProvider clock)
{
    public const string Anonymous = "匿名";

    public static readonly IReadOnlyList<string> ExportHeaders =
        ["编号", "提交时间", "姓名或称呼", "联系电话", "电子邮箱", "意见内容", "审核状态", "审核人", "审核时间"];

    /// <summary>Stores a comment as 待审核 if the consultation is published and its window open today (Beijing date).</summary>
    public async Task<CommentResult> SubmitAsync(string consultationId, ConsultationCommentInput input, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(consultationId, cancellationToken) is not { } consultation)
        {
            return new CommentResult(CommentOutcome.NotFound, null, null, new Dictionary<string, string>());
        }

        if (consultation.PhaseOn(directory.Today) != ConsultationPhase.Open)
        {
            return new CommentResult(CommentOutcome.OutsideWindow, null, consultation, new Dictionary<string, string>());
        }

        var errors = input.Validate();
        if (errors.Count > 0)
        {
            return new CommentResult(CommentOutcome.Invalid, null, consultation, errors);
        }

        var comment = new ConsultationCommentRecord
        {
            ConsultationId = consultation.Id,
            Name = Blank(input.Name),
            Phone = Blank(input.Phone),
            Email = Blank(input.Email),
            Body = input.Body!.Trim(),
            State = ModerationState.Pending,
            SubmittedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<ConsultationCommentRecord>().Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return new CommentResult(CommentOutcome.Accepted, comment.Id, consultation, errors);
    }

    /// <summary>
    /// The approved comments of a consultation, oldest first, with ID numbers, phone numbers and the like masked in
    /// case a writer put them in the text; contact fields are not even read.
    /// </summary>
    public async Task<IReadOnlyList<PublicComment>> ApprovedAsync(string consultationId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ConsultationCommentRecord>().AsNoTracking()
            .Where(c => c.ConsultationId == consultationId && c.State == ModerationState.Approved)
            .OrderBy(c => c.SubmittedUtc).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Body, c.SubmittedUtc })
            .ToListAsync(cancellationToken);
        var scanner = new SecrecyScanner([]);
        return rows.Select(r => new PublicComment(r.Id, r.Name ?? Anonymous, SecrecyMasking.Apply(r.Body, scanner.Scan(r.Body, "意见")), r.SubmittedUtc)).ToList();
    }

    /// <summary>Counts by consultation and state, grouped in the database.</summary>
    public async Task<IReadOnlyDictionary<string, CommentCounts>> CountsAsync(IReadOnlyCollection<string> consultationIds, CancellationToken cancellationToken)
    {
        var ids = consultationIds.ToList();
        var rows = await db.Set<ConsultationCommentRecord>().AsNoTracking()
            .Where(c => ids.Contains(c.ConsultationId))
            .GroupBy(c => new { c.ConsultationId, c.State })
            .Select(g => new { g.Key.ConsultationId, g.Key.State, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ConsultationId).ToDictionary(
            g => g.Key,
            g => new CommentCounts(
                g.Where(r => r.State == ModerationState.Pending).Sum(r => r.Count),
                g.Where(r => r.State == ModerationState.Approved).Sum(r => r.Count),
                g.Where(r => r.State == ModerationState.Rejected).Sum(r => r.Count)));
    }

    /// <summary>Every comment of a consultation for the office (contact included), in a state or all, oldest first.</summary>
    public async Task<IReadOnlyList<ConsultationCommentRecord>> ForOfficeAsync(string consultationId, ModerationState? state, CancellationToken cancellationToken)
    {
        var query = db.Set<ConsultationCommentRecord>().AsNoTracking().Where(c => c.ConsultationId == consultationId);
        if (state is { } s)
        {
            query = query.Where(c => c.State == s);
        }

        return await query.OrderBy(c => c.SubmittedUtc).ThenBy(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// 公开 or 不予公开 one comment of this consultation, recorded in the 台账; false when there is no such comment or
    /// it already has that state. A comment can go back and forth (an approval made in error is withdrawn the same way).
    /// </summary>
    public async Task<bool> ModerateAsync(string consultationId, long commentId, ModerationState state, string actor, CancellationToken cancellationToken)
    {
        if (state == ModerationState.Pending)
        {
            throw new ArgumentOutOfRangeException(nameof(state), "审核结果只能是“已通过”或“不予公开”。");
        }

        return await db.InTransactionAsync(async () =>
        {
            var comment = await db.Set<ConsultationCommentRecord>()
                .SingleOrDefaultAsync(c => c.Id == commentId && c.ConsultationId == consultationId, cancellationToken);
            if (comment is null || comment.State == state)
            {
                return false;
            }

            var before = comment.State;
            comment.State = state;
            comment.ModeratedUtc = clock.GetUtcNow().UtcDateTime;
            comment.ModeratedBy = actor;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor,
                state == ModerationState.Approved ? ConsultationLedgerActions.CommentApproved : ConsultationLedgerActions.CommentRejected,
                ConsultationLedgerActions.Subject(consultationId), null, null,
                $"意见 #{comment.Id}：{ModerationStates.DisplayName(before)} → {ModerationStates.DisplayName(state)}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Every comment of the consultation as an XLSX workbook for the office, the export recorded in the 台账.</summary>
    public async Task<byte[]> ExportAsync(string consultationId, string actor, CancellationToken cancellationToken)
    {
        var comments = await ForOfficeAsync(consultationId, null, cancellationToken);
        var rows = comments.Select(c => new string?[]
        {
            c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DateText.Time(c.SubmittedUtc),
            c.Name,
            c.Phone,
            c.Email,
            c.Body,
            ModerationStates.DisplayName(c.State),
            c.ModeratedBy,
            c.ModeratedUtc is { } at ? DateText.Time(at) : null,
        });
        var bytes = await TableExport.ToBytesAsync(TableFormat.Xlsx, "征求意见", ExportHeaders, rows, cancellationToken);
        await db.InTransactionAsync(() => ledger.AppendAsync(actor, ConsultationLedgerActions.CommentsExported, ConsultationLedgerActions.Subject(consultationId), null, null,
            $"导出意见 {comments.Count} 条", cancellationToken), cancellationToken);
        return bytes;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
