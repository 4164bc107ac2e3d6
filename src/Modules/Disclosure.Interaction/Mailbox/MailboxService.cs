using Disclosure.Contents.Review;
using Disclosure.Core.Calendar;
using Disclosure.Core.Secrecy;
using Disclosure.Core.Security;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Mailbox;

/// <summary>A refused step, with the zh-CN reason shown to whoever tried it.</summary>
public sealed class MailboxException(string message) : Exception(message);

/// <summary>A letter just received: what its 回执 shows.</summary>
public sealed record ReceivedLetter(string Number, string TrackingCode, LetterKind Kind, DateOnly ReceivedOn, DateOnly Due, bool Provisional);

/// <summary>
/// Every change to a letter: receipt, 分办, the department's draft and its review (部门负责人 → 公开办), the reply,
/// 延期, publication of the masked copy and its withdrawal. Each is one transaction with its timeline step and its 台账
/// row, and each checks the letter's stage and the actor's right to it first, so a stale page cannot skip a step.
/// </summary>
public sealed class MailboxService(
    DisclosureDbContext db,
    IWorkingDayCalendarSource calendars,
    SecrecyKeywords keywords,
    LedgerWriter ledger,
    AgencyDirectory agencies,
    TimeProvider clock,
    IOptions<MailboxOptions> options)
{
    private const int MaxNumberAttempts = 3;

    public DateOnly Today => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    public int MaxExtensionWorkingDays => options.Value.MaxExtensionWorkingDays;

    /// <summary>Registers a letter from the public form (or the demo recipe, with its own dates and codes).</summary>
    public async Task<ReceivedLetter> ReceiveAsync(NewLetter letter, IReadOnlyList<NewLetterAttachment> attachments, string actor,
        DateOnly? receivedOn = null, string? trackingCode = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (attachments.Count > settings.MaxAttachments)
        {
            throw new MailboxException($"附件最多 {settings.MaxAttachments} 个。");
        }

        var on = receivedOn ?? Today;
        var agencyCode = await agencies.OwnerAsync(letter.AgencyCode, cancellationToken);
        var calendar = await calendars.GetCalendarAsync(agencyCode, cancellationToken);
        var due = LetterClock.Due(calendar, on, settings.LimitFor(letter.Kind), 0);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.InTransactionAsync(async () =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    var record = new LetterRecord
                    {
                        AgencyCode = agencyCode,
                        Number = await NextNumberAsync(on.Year, cancellationToken),
                        TrackingCode = trackingCode ?? TrackingCode.New(),
                        Kind = letter.Kind,
                        Subject = letter.Subject,
                        Body = letter.Body,
                        MayPublish = letter.MayPublish && letter.Kind != LetterKind.Report,
                        ReceivedOn = on,
                        ReceivedMonth = MonthKey(on),
                        ReceivedUtc = now,
                        Stage = LetterStage.Received,
                    };
                    db.Set<LetterRecord>().Add(record);
                    await db.SaveChangesAsync(cancellationToken);
                    db.Set<LetterWriterRecord>().Add(new LetterWriterRecord
                    {
                        LetterId = record.Id, Name = letter.Writer.Name, Phone = letter.Writer.Phone, IdNumber = letter.Writer.IdNumber, Email = letter.Writer.Email,
                    });
                    foreach (var attachment in attachments)
                    {
                        db.Set<LetterAttachmentRecord>().Add(new LetterAttachmentRecord
                        {
                            LetterId = record.Id, FileName = attachment.FileName, ContentType = attachment.ContentType, Content = attachment.Content,
                        });
                    }

                    await StepAsync(record, MailboxLedgerActions.Received, $"{LetterNames.Kind(letter.Kind)}，{(record.MayPublish ? "同意公开" : "不同意公开")}", actor, cancellationToken);
                    return new ReceivedLetter(record.Number, record.TrackingCode, record.Kind, on, due.Value, due.IsProvisional);
                }, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxNumberAttempts)
            {
                // Two letters took the same running number at once; the unique index refused the second. Take the next.
            }
        }
    }

    /// <summary>分办: the 公开办 sends a 待分办 letter to a department.</summary>
    public Task RouteAsync(long id, string? departmentCode, string? note, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, async letter =>
        {
            RequireOffice(actor);
            RequireStage(letter, LetterStage.Received);
            var department = await db.Set<DepartmentRecord>().AsNoTracking().FirstOrDefaultAsync(d => d.AgencyCode == letter.AgencyCode && d.Code == departmentCode, cancellationToken)
                ?? throw new MailboxException("请选择承办部门。");
            letter.DepartmentCode = department.Code;
            letter.Stage = LetterStage.Drafting;
            return (MailboxLedgerActions.Routed, Join($"交{department.Name}办理", note));
        }, cancellationToken);

    /// <summary>退回分办: the department says the letter is not theirs; it goes back to the 公开办, with the reason.</summary>
    public Task SendBackAsync(long id, string? note, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, letter =>
        {
            if (!LetterAccess.MayDraft(actor, letter))
            {
                throw new MailboxException("只有承办部门可以在办理中退回分办。");
            }

            letter.DepartmentCode = null;
            letter.Stage = LetterStage.Received;
            return Task.FromResult((MailboxLedgerActions.SentBack, (string?)RequiredNote(note, "请填写退回理由。")));
        }, cancellationToken);

    /// <summary>The department's reply draft: saved, or saved and submitted to the 部门负责人.</summary>
    public Task SaveReplyAsync(long id, string? reply, bool submit, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, letter =>
        {
            if (!LetterAccess.MayDraft(actor, letter))
            {
                throw new MailboxException(letter.Stage == LetterStage.Drafting ? "只有承办部门可以起草答复。" : "这封信不在办理中，不能修改答复。");
            }

            var text = LetterText.Clean(reply, keepLines: true);
            if (submit && text.Length < 10 || text.Length > 10000)
            {
                throw new MailboxException(text.Length > 10000 ? "答复内容不能超过 10000 个字。" : "答复内容至少 10 个字。");
            }

            letter.Reply = text.Length == 0 ? null : text;
            if (!submit)
            {
                return Task.FromResult((MailboxLedgerActions.DraftSaved, (string?)null));
            }

            letter.Stage = LetterStage.DepartmentReview;
            return Task.FromResult((MailboxLedgerActions.Submitted, (string?)null));
        }, cancellationToken);

    /// <summary>The 部门负责人's decision on the draft: on to the 公开办, or back to the department with a reason.</summary>
    public Task DepartmentDecideAsync(long id, bool approve, string? note, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, letter =>
        {
            if (!LetterAccess.MayApproveForDepartment(actor, letter))
            {
                throw new MailboxException(letter.Stage == LetterStage.DepartmentReview ? "只有承办部门的部门负责人可以审核答复。" : "这封信不在待部门审核。");
            }

            if (approve)
            {
                letter.Stage = LetterStage.OfficeReview;
                return Task.FromResult((MailboxLedgerActions.DepartmentApproved, Clean(note)));
            }

            letter.Stage = LetterStage.Drafting;
            return Task.FromResult((MailboxLedgerActions.Returned, (string?)RequiredNote(note, "请填写退回理由。")));
        }, cancellationToken);

    /// <summary>
    /// The 公开办's decision: send the reply (the letter is then 已答复, its working days and timeliness fixed for the
    /// statistics), or return it to the department with a reason.
    /// </summary>
    public Task OfficeDecideAsync(long id, bool send, string? note, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, async letter =>
        {
            RequireOffice(actor);
            RequireStage(letter, LetterStage.OfficeReview);
            if (!send)
            {
                letter.Stage = LetterStage.Drafting;
                return (MailboxLedgerActions.Returned, RequiredNote(note, "请填写退回理由。"));
            }

            letter.Stage = LetterStage.Replied;
            StampReply(letter, await calendars.GetCalendarAsync(letter.AgencyCode, cancellationToken), Today, options.Value);
            letter.ReplyUnit = await db.Set<DepartmentRecord>().AsNoTracking().Where(d => d.AgencyCode == letter.AgencyCode && d.Code == letter.DepartmentCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
            return (MailboxLedgerActions.Replied, Join(letter.RepliedOnTime == true ? "按期答复" : "超期答复", note));
        }, cancellationToken);

    /// <summary>延期: the 公开办 approves more working days for an open letter (at most <see cref="MailboxOptions.MaxExtensionWorkingDays"/> in all).</summary>
    public Task ExtendAsync(long id, int workingDays, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, letter =>
        {
            RequireOffice(actor);
            var max = options.Value.MaxExtensionWorkingDays;
            if (letter.Stage == LetterStage.Replied)
            {
                throw new MailboxException("已答复的来信不能延期。");
            }

            if (workingDays < 1 || letter.ExtensionWorkingDays + workingDays > max)
            {
                throw new MailboxException($"延期天数应为 1 至 {max - letter.ExtensionWorkingDays} 个工作日（每封来信累计不超过 {max} 个工作日）。");
            }

            letter.ExtensionWorkingDays += workingDays;
            return Task.FromResult((MailboxLedgerActions.Extended, (string?)$"延期 {workingDays} 个工作日：{RequiredNote(reason, "请填写延期理由。")}"));
        }, cancellationToken);

    /// <summary>The masked copy proposed for publication, for the 公开办 to check and edit.</summary>
    public async Task<MaskedLetter> ProposePublicationAsync(long id, Actor actor, CancellationToken cancellationToken = default)
    {
        var letter = await db.Set<LetterRecord>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw new MailboxException("来信不存在。");
        RequireOffice(actor);
        if (!LetterAccess.MaySee(actor, letter))
        {
            throw new MailboxException("无权办理这封来信。");
        }

        RequirePublishable(letter);
        var writer = await db.Set<LetterWriterRecord>().AsNoTracking().FirstAsync(w => w.LetterId == id, cancellationToken);
        return LetterMasking.Propose(await ScannerAsync(cancellationToken), letter.Subject, letter.Body, letter.Reply ?? string.Empty, writer.Name);
    }

    /// <summary>
    /// Publishes the masked copy the 公开办 confirmed. Refused for a 举报, for a writer who did not agree, before the
    /// reply is sent, and while the confirmed text still holds anything the secrecy scan flags.
    /// </summary>
    public Task PublishAsync(long id, string? subject, string? body, string? reply, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, async letter =>
        {
            RequireOffice(actor);
            RequirePublishable(letter);
            var (publicSubject, publicBody, publicReply) = (LetterText.Clean(subject), LetterText.Clean(body, keepLines: true), LetterText.Clean(reply, keepLines: true));
            if (publicSubject.Length == 0 || publicBody.Length == 0 || publicReply.Length == 0)
            {
                throw new MailboxException("公开的标题、来信内容和答复内容都不能为空。");
            }

            var writer = await db.Set<LetterWriterRecord>().AsNoTracking().FirstAsync(w => w.LetterId == id, cancellationToken);
            var remaining = LetterMasking.Remaining(await ScannerAsync(cancellationToken), writer.Name,
                ("标题", publicSubject), ("来信内容", publicBody), ("答复内容", publicReply));
            if (remaining.Count > 0)
            {
                throw new MailboxException("公开文本仍有未脱敏的内容：" + string.Join("；", remaining));
            }

            (letter.PublicSubject, letter.PublicBody, letter.PublicReply) = (publicSubject, publicBody, publicReply);
            letter.PublishedUtc = clock.GetUtcNow().UtcDateTime;
            return (MailboxLedgerActions.Published, (string?)null);
        }, cancellationToken);

    /// <summary>撤回公开: the letter leaves the public list at once; the masked copy is dropped.</summary>
    public Task WithdrawAsync(long id, string? reason, Actor actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, actor, letter =>
        {
            RequireOffice(actor);
            if (letter.PublishedUtc is null)
            {
                throw new MailboxException("这封信没有公开。");
            }

            (letter.PublicSubject, letter.PublicBody, letter.PublicReply, letter.PublishedUtc) = (null, null, null, null);
            return Task.FromResult((MailboxLedgerActions.Withdrawn, (string?)RequiredNote(reason, "请填写撤回理由。")));
        }, cancellationToken);

    /// <summary>
    /// Fixes a reply's day, its month key, the working days it took and whether it was on time (extension included),
    /// as the statistics read them; the recipe's dated replies go through here too.
    /// </summary>
    public static void StampReply(LetterRecord letter, WorkingDayCalendar calendar, DateOnly repliedOn, MailboxOptions settings)
    {
        var due = LetterClock.Due(calendar, letter.ReceivedOn, settings.LimitFor(letter.Kind), letter.ExtensionWorkingDays).Value;
        letter.RepliedOn = repliedOn;
        letter.RepliedMonth = MonthKey(repliedOn);
        letter.ReplyWorkingDays = LetterClock.Taken(calendar, letter.ReceivedOn, repliedOn);
        letter.RepliedOnTime = repliedOn <= due;
    }

    /// <summary>yyyyMM, the month key the statistics group by.</summary>
    public static int MonthKey(DateOnly date) => date.Year * 100 + date.Month;

    private async Task ChangeAsync(long id, Actor actor, Func<LetterRecord, Task<(string Action, string? Note)>> change, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(async () =>
        {
            var letter = await db.Set<LetterRecord>().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw new MailboxException("来信不存在。");
            if (!LetterAccess.MaySee(actor, letter))
            {
                throw new MailboxException("无权办理这封来信。");
            }

            var (action, note) = await change(letter);
            await StepAsync(letter, action, note, actor.UserName, cancellationToken);
            return true;
        }, cancellationToken);

    private async Task StepAsync(LetterRecord letter, string action, string? note, string actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<LetterStepRecord>().Add(new LetterStepRecord { LetterId = letter.Id, Action = action, Note = note, Actor = actor, AtUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        await ledger.AppendAsync(actor, action, MailboxLedgerActions.Subject(letter.Number), null, null, $"{LetterNames.Stage(letter.Stage)}", cancellationToken);
    }

    private async Task<string> NextNumberAsync(int year, CancellationToken cancellationToken)
    {
        var prefix = $"XJ{year}-";
        var last = await db.Set<LetterRecord>().Where(l => l.Number.StartsWith(prefix)).MaxAsync(l => (string?)l.Number, cancellationToken);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        return $"{prefix}{next:000000}";
    }

    private async Task<SecrecyScanner> ScannerAsync(CancellationToken cancellationToken) => new(await keywords.WordsAsync(cancellationToken));

    private static void RequireOffice(Actor actor)
    {
        if (!LetterAccess.IsOffice(actor))
        {
            throw new MailboxException("只有公开办可以进行此操作。");
        }
    }

    private static void RequireStage(LetterRecord letter, LetterStage stage)
    {
        if (letter.Stage != stage)
        {
            throw new MailboxException($"这封信现在是“{LetterNames.Stage(letter.Stage)}”，不能进行此操作（需为“{LetterNames.Stage(stage)}”）。");
        }
    }

    private static void RequirePublishable(LetterRecord letter)
    {
        if (letter.Kind == LetterKind.Report)
        {
            throw new MailboxException("举报信件一律不公开。");
        }

        if (!letter.MayPublish)
        {
            throw new MailboxException("来信人不同意公开，不能公开这封信。");
        }

        if (letter.Stage != LetterStage.Replied)
        {
            throw new MailboxException("答复后才能公开。");
        }
    }

    private static string? Clean(string? note) => LetterText.Clean(note) is { Length: > 0 } text ? text[..Math.Min(text.Length, 500)] : null;

    private static string RequiredNote(string? note, string message) => Clean(note) ?? throw new MailboxException(message);

    private static string Join(string head, string? note) => Clean(note) is { } text ? $"{head}：{text}" : head;
}
