using Disclosure.Core.ContentManagement;
using Disclosure.Interaction.Submissions;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Interaction.Interviews;

/// <summary>A question the public sent, as the form gives it.</summary>
public sealed record NewInterviewQuestion(string? Name, string? Contact, string Text);

/// <summary>What a question submission came to.</summary>
public enum QuestionOutcome
{
    Received,

    /// <summary>No published interview with this id.</summary>
    NotFound,

    /// <summary>The interview has ended: 访谈已结束，不再接收提问.</summary>
    Ended,
}

/// <summary>An entry the office posts to the 文字直播.</summary>
public sealed record NewInterviewEntry(InterviewEntryKind Kind, string? Speaker, long? QuestionId, string Text, string? PicturePath, string? PictureAlt, bool Publish = true);

/// <summary>A published entry as readers get it (the page and <c>live.json</c>).</summary>
public sealed record LiveEntry(long Sequence, InterviewEntryKind Kind, string? Speaker, string Text, string? QuotedQuestion, string? QuotedName, bool HasPicture, string? PictureAlt, DateTime PublishedUtc)
{
    public string KindName => InterviewEntryKinds.DisplayName(Kind);
}

/// <summary>
/// 在线访谈 in the database: the interviews are the published <see cref="InterviewContent.TypeName"/> items; the
/// questions the public sends (moderated before shown, refused once the interview has ended) and the 文字直播 entries
/// the office posts are this feature's tables. Every office action is written to the 台账 in the same transaction.
/// </summary>
public sealed class InterviewStore(DisclosureDbContext db, PublishedContentQuery content, LedgerWriter ledger, TimeProvider clock)
{
    /// <summary>The most entries one <c>live.json</c> answer carries; a reader far behind catches up in a few polls.</summary>
    public const int PageSize = 50;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>The interview whose content item is published now, or null (drafts, withdrawn items, other types).</summary>
    public async Task<InterviewInfo?> FindAsync(string? id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64
            || await content.FindPublicAsync(id, cancellationToken) is not { } found
            || found.Version.Status != ContentStatus.Published
            || found.Version.ContentType != InterviewContent.TypeName)
        {
            return null;
        }

        return InterviewContent.Read(id, ContentData.Parse(found.Version.DataJson));
    }

    /// <summary>The published interviews, latest start first (a county office holds a few a year; the newest 200 are listed).</summary>
    public async Task<IReadOnlyList<InterviewInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var published = await content.ListAsync(new PublishedContentFilter(ContentType: InterviewContent.TypeName), 1, 200, cancellationToken);
        return published.Items
            .Select(p => InterviewContent.Read(p.Item.ContentItemId, ContentData.Parse(p.Version.DataJson)))
            .OfType<InterviewInfo>()
            .OrderByDescending(i => i.StartUtc)
            .ToList();
    }

    /// <summary>Takes a question for moderation while the interview has not ended.</summary>
    public async Task<QuestionOutcome> SubmitQuestionAsync(string id, NewInterviewQuestion question, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is not { } interview)
        {
            return QuestionOutcome.NotFound;
        }

        var now = UtcNow;
        if (interview.PhaseAt(now) == InterviewPhase.Ended)
        {
            return QuestionOutcome.Ended;
        }

        db.Set<InterviewQuestionRecord>().Add(new InterviewQuestionRecord
        {
            ContentItemId = id,
            Name = Clean(question.Name, InterviewLimits.NameLength),
            Contact = Clean(question.Contact, InterviewLimits.ContactLength),
            Text = Clean(question.Text, InterviewLimits.QuestionLength, keepLines: true) ?? throw new ArgumentException("A question needs text.", nameof(question)),
            SubmittedUtc = now,
            State = ModerationState.Pending,
        });
        await db.SaveChangesAsync(cancellationToken);
        return QuestionOutcome.Received;
    }

    /// <summary>The approved questions of an interview, oldest first: what the page shows.</summary>
    public async Task<IReadOnlyList<InterviewQuestionRecord>> ApprovedQuestionsAsync(string id, CancellationToken cancellationToken = default) =>
        await db.Set<InterviewQuestionRecord>().AsNoTracking()
            .Where(q => q.ContentItemId == id && q.State == ModerationState.Approved)
            .OrderBy(q => q.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Every question of an interview for the moderation list, pending first.</summary>
    public async Task<IReadOnlyList<InterviewQuestionRecord>> QuestionsForModerationAsync(string id, CancellationToken cancellationToken = default) =>
        await db.Set<InterviewQuestionRecord>().AsNoTracking()
            .Where(q => q.ContentItemId == id)
            .OrderBy(q => q.State == ModerationState.Pending ? 0 : 1).ThenBy(q => q.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Approves or rejects a question of this interview; false when there is no such question.</summary>
    public async Task<bool> ModerateAsync(string id, long questionId, ModerationState state, string actor, CancellationToken cancellationToken = default)
    {
        if (state == ModerationState.Pending)
        {
            throw new ArgumentOutOfRangeException(nameof(state), "Moderation approves or rejects.");
        }

        return await db.InTransactionAsync(async () =>
        {
            var question = await db.Set<InterviewQuestionRecord>().SingleOrDefaultAsync(q => q.Id == questionId && q.ContentItemId == id, cancellationToken);
            if (question is null)
            {
                return false;
            }

            var before = question.State;
            question.State = state;
            question.ModeratedBy = actor;
            question.ModeratedUtc = UtcNow;
            await db.SaveChangesAsync(cancellationToken);
            var action = state == ModerationState.Approved ? InterviewLedgerActions.QuestionApproved : InterviewLedgerActions.QuestionRejected;
            await ledger.AppendAsync(actor, action, InterviewLedgerActions.Subject(id), null, null,
                $"网友提问第 {question.Id} 号：{ModerationStates.DisplayName(before)} → {ModerationStates.DisplayName(state)}", cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Posts an entry (published at once unless <see cref="NewInterviewEntry.Publish"/> is false). A 网友提问 entry
    /// must quote an approved question of the same interview.
    /// </summary>
    /// <exception cref="ArgumentException">The text is empty or the quoted question is not an approved one of this interview.</exception>
    public async Task<InterviewEntryRecord> PostEntryAsync(string id, NewInterviewEntry entry, string actor, CancellationToken cancellationToken = default)
    {
        var text = Clean(entry.Text, InterviewLimits.EntryLength, keepLines: true);
        string? speaker = Clean(entry.Speaker, 200);
        if (entry.Kind == InterviewEntryKind.Question)
        {
            var question = await db.Set<InterviewQuestionRecord>().AsNoTracking()
                .SingleOrDefaultAsync(q => q.Id == entry.QuestionId && q.ContentItemId == id && q.State == ModerationState.Approved, cancellationToken)
                ?? throw new ArgumentException("请选择一条已审核通过的网友提问。", nameof(entry));
            text ??= question.Text;
            speaker = question.Name;
        }

        if (text is null)
        {
            throw new ArgumentException("请填写直播内容。", nameof(entry));
        }

        return await db.InTransactionAsync(async () =>
        {
            var record = new InterviewEntryRecord
            {
                ContentItemId = id,
                Kind = entry.Kind,
                Speaker = speaker,
                QuestionId = entry.Kind == InterviewEntryKind.Question ? entry.QuestionId : null,
                Text = text,
                PicturePath = entry.PicturePath,
                PictureAlt = entry.PicturePath is null ? null : Clean(entry.PictureAlt, 200),
                PostedBy = actor,
                PostedUtc = UtcNow,
            };
            db.Set<InterviewEntryRecord>().Add(record);
            if (entry.Publish)
            {
                await PublishAsync(record, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (entry.Publish)
            {
                await LedgerPostedAsync(record, actor, cancellationToken);
            }

            return record;
        }, cancellationToken);
    }

    /// <summary>Publishes a draft entry of this interview; false when there is no such draft.</summary>
    public async Task<bool> PublishEntryAsync(string id, long entryId, string actor, CancellationToken cancellationToken = default) =>
        await db.InTransactionAsync(async () =>
        {
            var record = await db.Set<InterviewEntryRecord>().SingleOrDefaultAsync(e => e.Id == entryId && e.ContentItemId == id && e.Sequence == null, cancellationToken);
            if (record is null)
            {
                return false;
            }

            await PublishAsync(record, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await LedgerPostedAsync(record, actor, cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Takes a published entry back (a mistake): it is left out of the page and <c>live.json</c> from then on.</summary>
    public async Task<bool> WithdrawEntryAsync(string id, long entryId, string actor, CancellationToken cancellationToken = default) =>
        await db.InTransactionAsync(async () =>
        {
            var record = await db.Set<InterviewEntryRecord>().SingleOrDefaultAsync(
                e => e.Id == entryId && e.ContentItemId == id && e.Sequence != null && e.WithdrawnUtc == null, cancellationToken);
            if (record is null)
            {
                return false;
            }

            record.WithdrawnUtc = UtcNow;
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor, InterviewLedgerActions.EntryWithdrawn, InterviewLedgerActions.Subject(id), null, null,
                $"第 {record.Sequence} 条（{InterviewEntryKinds.DisplayName(record.Kind)}）", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>The published entries after sequence <paramref name="after"/>, in order, at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<LiveEntry>> EntriesAsync(string id, long after = 0, int take = int.MaxValue, CancellationToken cancellationToken = default)
    {
        var rows = await (from e in db.Set<InterviewEntryRecord>().AsNoTracking()
                          where e.ContentItemId == id && e.Sequence != null && e.Sequence > after && e.WithdrawnUtc == null
                          join q in db.Set<InterviewQuestionRecord>() on e.QuestionId equals q.Id into quoted
                          from q in quoted.DefaultIfEmpty()
                          orderby e.Sequence
                          select new { Entry = e, QuestionText = q == null ? null : q.Text, QuestionName = q == null ? null : q.Name })
            .Take(take)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new LiveEntry(r.Entry.Sequence!.Value, r.Entry.Kind, r.Entry.Speaker, r.Entry.Text,
            r.QuestionText, r.QuestionName, r.Entry.PicturePath is not null, r.Entry.PictureAlt, r.Entry.PublishedUtc!.Value)).ToList();
    }

    /// <summary>Every entry of an interview for the office, drafts and withdrawn ones included, in posting order.</summary>
    public async Task<IReadOnlyList<InterviewEntryRecord>> AllEntriesAsync(string id, CancellationToken cancellationToken = default) =>
        await db.Set<InterviewEntryRecord>().AsNoTracking()
            .Where(e => e.ContentItemId == id)
            .OrderBy(e => e.Sequence == null ? 1 : 0).ThenBy(e => e.Sequence).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);

    /// <summary>The stored path of a published, not withdrawn entry's picture, or null.</summary>
    public async Task<string?> PicturePathAsync(string id, long sequence, CancellationToken cancellationToken = default) =>
        await db.Set<InterviewEntryRecord>().AsNoTracking()
            .Where(e => e.ContentItemId == id && e.Sequence == sequence && e.WithdrawnUtc == null)
            .Select(e => e.PicturePath)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>How many questions wait for moderation, per interview.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PendingCountsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<InterviewQuestionRecord>().AsNoTracking()
            .Where(q => q.State == ModerationState.Pending)
            .GroupBy(q => q.ContentItemId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    private async Task PublishAsync(InterviewEntryRecord record, CancellationToken cancellationToken)
    {
        // Taken inside the transaction from a counter row locked until commit: sequences become visible in order.
        record.Sequence = await Counters.NextAsync(db, InterviewLedgerActions.Subject(record.ContentItemId), cancellationToken);
        record.PublishedUtc = UtcNow;
    }

    private async Task LedgerPostedAsync(InterviewEntryRecord record, string actor, CancellationToken cancellationToken) =>
        await ledger.AppendAsync(actor, InterviewLedgerActions.EntryPosted, InterviewLedgerActions.Subject(record.ContentItemId), null, null,
            $"第 {record.Sequence} 条（{InterviewEntryKinds.DisplayName(record.Kind)}）" + (record.PicturePath is null ? string.Empty : "，附图片"), cancellationToken);

    /// <summary>Trimmed, cut to <paramref name="length"/>, null when blank; control characters dropped (line breaks kept where asked).</summary>
    internal static string? Clean(string? text, int length, bool keepLines = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var kept = new string(text.Where(c => !char.IsControl(c) || (c == '\n' || (keepLines && c == '\r'))).ToArray()).Replace("\r\n", "\n").Trim();
        if (!keepLines)
        {
            kept = kept.Replace('\n', ' ');
        }

        return kept.Length == 0 ? null : kept.Length > length ? kept[..length] : kept;
    }
}
