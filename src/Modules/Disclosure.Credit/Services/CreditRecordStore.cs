using System.Security.Cryptography;
using System.Text;
using Disclosure.Core.Calendar;
using Disclosure.Core.Tables;
using Disclosure.Core.Time;
using Disclosure.Credit.Data;
using Disclosure.Credit.Models;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Credit.Services;

/// <summary>What a withdrawal was measured against: due within 3 working days of the change (行政处罚法 第四十八条).</summary>
public sealed record CreditWithdrawal(DateOnly Due, bool Late);

/// <summary>
/// The lifecycle of 双公示 records: 草稿 (created, edited, deleted) → 已公示 → 已撤回 or, for a penalty, 已信用修复.
/// Each state change is one conditional update (so two people acting at once cannot both succeed) and one entry in
/// the 信息发布台账, in one transaction. Publication is refused for a record that must never go public.
/// </summary>
public sealed class CreditRecordStore(
    DisclosureDbContext db,
    CreditSettings settings,
    IWorkingDayCalendarSource calendars,
    LedgerWriter ledger,
    AgencyDirectory agencies,
    TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => ChinaTime.ToDate(Now);

    /// <summary>How a record is named in the ledger: its kind and row, e.g. penalty/42.</summary>
    public static string LedgerId(CreditRecordKind kind, long id) => $"{(kind == CreditRecordKind.Licence ? "licence" : "penalty")}/{id}";

    /// <summary>SHA-256 over every column of the record as exported, so the ledger shows exactly which content went public.</summary>
    public static string Hash(CreditRecordData data) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', CreditRowFormatter.Format(data).Select(v => v ?? string.Empty)))));

    /// <summary>Parses and checks a record from text (the admin form) against today's date, the office's rules and the database.</summary>
    public async Task<(CreditRecordData? Record, IReadOnlyList<ImportProblem> Problems)> ParseAsync(
        CreditRowValues values, long? editing, CancellationToken cancellationToken = default)
    {
        var problems = new List<ImportProblem>();
        var record = CreditRowParser.Parse(values, 0, new CreditParseContext(Today, await settings.GetPolicyAsync(cancellationToken)), problems);
        if (record is not null && await DuplicateAsync(record, editing, cancellationToken) is { } duplicate)
        {
            problems.Add(duplicate);
            record = null;
        }

        return (record, problems);
    }

    /// <summary>Adds a draft for <paramref name="agencyCode"/> (null: the installation's own agency).</summary>
    public Task<long> CreateAsync(CreditRecordData data, string actor, string? agencyCode = null, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            if (await DuplicateAsync(data, null, cancellationToken) is { } duplicate)
            {
                throw new CreditValidationException([duplicate]);
            }

            var row = CreditRecordMapper.NewRow(data, await agencies.OwnerAsync(agencyCode, cancellationToken), actor, Now);
            db.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor, CreditLedgerActions.CreditDraftCreated, LedgerId(data.Kind, row.Id), null, Hash(data), Describe(data), cancellationToken);
            return row.Id;
        }, cancellationToken);

    /// <summary>Edits a draft. A published record is never edited in place: it is withdrawn and entered again.</summary>
    public Task UpdateAsync(long id, CreditRecordData data, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var row = await LoadAsync(data.Kind, id, cancellationToken);
            if (row.Status != CreditRecordStatus.Draft)
            {
                throw new CreditStateException($"该记录{CreditVocabulary.Name(row.Status)}，不能修改；决定变更的，请先撤回，再按变更后的决定重新录入。");
            }

            if (await DuplicateAsync(data, id, cancellationToken) is { } duplicate)
            {
                throw new CreditValidationException([duplicate]);
            }

            CreditRecordMapper.Apply(data, row, actor, Now);
            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor, CreditLedgerActions.CreditDraftEdited, LedgerId(data.Kind, id), null, Hash(data), Describe(data), cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Deletes a draft; the 台账 keeps what it was (its hash and 决定书文号) and who deleted it.</summary>
    public Task DeleteDraftAsync(CreditRecordKind kind, long id, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var row = await FindAsync(kind, id, cancellationToken);
            var deleted = row is null ? 0 : kind == CreditRecordKind.Licence
                ? await db.Set<CreditLicenceRecord>().Where(r => r.Id == id && r.Status == CreditRecordStatus.Draft).ExecuteDeleteAsync(cancellationToken)
                : await db.Set<CreditPenaltyRecord>().Where(r => r.Id == id && r.Status == CreditRecordStatus.Draft).ExecuteDeleteAsync(cancellationToken);
            if (deleted != 1)
            {
                throw new CreditStateException("只能删除未公示的草稿；该记录不存在或已公示。");
            }

            var data = CreditRecordMapper.ToData(row!);
            await ledger.AppendAsync(actor, CreditLedgerActions.CreditDraftDeleted, LedgerId(kind, id), null, Hash(data), Describe(data), cancellationToken);
            return true;
        }, cancellationToken);

    // The 决定书文号 only: a draft's party may be a natural person whose name must not sit unmasked in the 台账.
    private static string Describe(CreditRecordData data) => $"{CreditVocabulary.Name(data.Kind)} {data.DecisionNumber}";

    /// <summary>公示: refused when the party is a minor, the case involves secrets or privacy, or the penalty is 轻微 (unless the office allows it).</summary>
    public Task PublishAsync(CreditRecordKind kind, long id, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var row = await LoadAsync(kind, id, cancellationToken);
            var data = CreditRecordMapper.ToData(row);
            var policy = await settings.GetPolicyAsync(cancellationToken);
            if (CreditPublication.Blocks(data, policy) is { Count: > 0 } blocks)
            {
                throw new CreditStateException("不能公示：" + string.Join("", blocks));
            }

            if (row is CreditPenaltyRecord penalty && !CreditPublication.WithinPeriod(penalty.PublicationEnd, Today))
            {
                throw new CreditStateException($"公示截止期 {DateText.Date(penalty.PublicationEnd)} 已过，不再公示。");
            }

            var now = Now;
            var changed = await SetAsync(kind, id, CreditRecordStatus.Draft, CreditRecordStatus.Published, now, actor, cancellationToken);
            if (changed == 0)
            {
                throw new CreditStateException($"该记录{CreditVocabulary.Name(row.Status)}，只有草稿可以公示。");
            }

            var due = CreditDeadlines.PublicationDue(await calendars.GetCalendarAsync(row.AgencyCode, cancellationToken), policy, row.DecisionDate).Value;
            var late = Today > due ? $"（超过 {policy.PublicationWorkingDays} 个工作日的公示时限 {DateText.Date(due)}）" : null;
            await ledger.AppendAsync(actor, CreditLedgerActions.CreditPublish, LedgerId(kind, id), null, Hash(data),
                $"{CreditVocabulary.Name(kind)} {row.DecisionNumber}（{row.PublicPartyName}）{late}", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Publishes every draft of one import that may go public; records that must not go public stay drafts. One
    /// ledger entry (not one per row: an import may hold 100,000) says how many, with a hash over their ids.
    /// </summary>
    public Task<int> PublishBatchAsync(CreditRecordKind kind, string batch, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var policy = await settings.GetPolicyAsync(cancellationToken);
            var now = Now;
            var today = Today;
            var ids = kind == CreditRecordKind.Licence
                ? await db.Set<CreditLicenceRecord>().Where(r => r.ImportBatch == batch && r.Status == CreditRecordStatus.Draft && !r.PartyIsMinor && !r.InvolvesSecrets)
                    .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken)
                : await db.Set<CreditPenaltyRecord>().Where(r => r.ImportBatch == batch && r.Status == CreditRecordStatus.Draft && !r.PartyIsMinor && !r.InvolvesSecrets
                        && (policy.PublishMinor || r.Severity != Severity.Minor) && r.PublicationEnd >= today)
                    .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return 0;
            }

            const int chunk = 500;
            for (var i = 0; i < ids.Count; i += chunk)
            {
                var part = ids.Skip(i).Take(chunk).ToList();
                if (kind == CreditRecordKind.Licence)
                {
                    await db.Set<CreditLicenceRecord>().Where(r => part.Contains(r.Id) && r.Status == CreditRecordStatus.Draft).ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.Status, CreditRecordStatus.Published).SetProperty(r => r.PublishedUtc, now).SetProperty(r => r.PublishedBy, actor), cancellationToken);
                }
                else
                {
                    await db.Set<CreditPenaltyRecord>().Where(r => part.Contains(r.Id) && r.Status == CreditRecordStatus.Draft).ExecuteUpdateAsync(s => s
                        .SetProperty(r => r.Status, CreditRecordStatus.Published).SetProperty(r => r.PublishedUtc, now).SetProperty(r => r.PublishedBy, actor), cancellationToken);
                }
            }

            var idsHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', ids))));
            await ledger.AppendAsync(actor, CreditLedgerActions.CreditPublishBatch, null, null, idsHash,
                $"{CreditVocabulary.Name(kind)} 导入批次 {batch}：公示 {ids.Count} 条（编号 {ids[0]}–{ids[^1]}）", cancellationToken);
            return ids.Count;
        }, cancellationToken);

    /// <summary>
    /// 撤回 a published record whose decision was changed, revoked or found void on <paramref name="changedOn"/>. The
    /// law wants it done within 3 working days; a late withdrawal still happens, and the ledger says it was late.
    /// </summary>
    public Task<CreditWithdrawal> WithdrawAsync(CreditRecordKind kind, long id, string reason, DateOnly changedOn, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            reason = CheckReason(reason, "撤回原因");
            var row = await LoadAsync(kind, id, cancellationToken);
            var today = Today;
            if (changedOn > today || changedOn < row.DecisionDate)
            {
                throw new CreditStateException($"决定变更或撤销的日期应在决定日期 {DateText.Date(row.DecisionDate)} 与今天 {DateText.Date(today)} 之间。");
            }

            var policy = await settings.GetPolicyAsync(cancellationToken);
            var due = CreditDeadlines.WithdrawalDue(await calendars.GetCalendarAsync(row.AgencyCode, cancellationToken), policy, changedOn).Value;
            var now = Now;
            var changed = kind == CreditRecordKind.Licence
                ? await db.Set<CreditLicenceRecord>().Where(r => r.Id == id && r.Status == CreditRecordStatus.Published).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, CreditRecordStatus.Withdrawn).SetProperty(r => r.WithdrawnUtc, now).SetProperty(r => r.WithdrawnBy, actor)
                    .SetProperty(r => r.WithdrawReason, reason).SetProperty(r => r.DecisionChangedOn, changedOn), cancellationToken)
                : await db.Set<CreditPenaltyRecord>().Where(r => r.Id == id && r.Status == CreditRecordStatus.Published).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, CreditRecordStatus.Withdrawn).SetProperty(r => r.WithdrawnUtc, now).SetProperty(r => r.WithdrawnBy, actor)
                    .SetProperty(r => r.WithdrawReason, reason).SetProperty(r => r.DecisionChangedOn, changedOn), cancellationToken);
            if (changed == 0)
            {
                throw new CreditStateException($"该记录{CreditVocabulary.Name(row.Status)}，只有已公示的记录可以撤回（草稿可直接删除）。");
            }

            var late = today > due;
            await ledger.AppendAsync(actor, CreditLedgerActions.CreditWithdraw, LedgerId(kind, id), null, Hash(CreditRecordMapper.ToData(row)),
                $"{CreditVocabulary.Name(kind)} {row.DecisionNumber}：{reason}（决定于 {DateText.Date(changedOn)} 变更或撤销，应于 {DateText.Date(due)} 前撤回{(late ? "，已超时" : null)}）",
                cancellationToken);
            return new CreditWithdrawal(due, late);
        }, cancellationToken);

    /// <summary>
    /// 信用修复: ends a penalty's publication early, once its minimum 公示期 has passed and the office has checked the
    /// duty was fully met and a credit commitment made (the reason records that). Written to the ledger.
    /// </summary>
    public Task RepairAsync(long id, string reason, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            reason = CheckReason(reason, "修复理由");
            var row = (CreditPenaltyRecord)await LoadAsync(CreditRecordKind.Penalty, id, cancellationToken);
            var policy = await settings.GetPolicyAsync(cancellationToken);
            var today = Today;
            var from = policy.RepairableFrom(row.DecisionDate, row.Severity);
            if (row.Status != CreditRecordStatus.Published)
            {
                throw new CreditStateException($"该记录{CreditVocabulary.Name(row.Status)}，只有正在公示的行政处罚可以信用修复。");
            }

            if (!CreditPublication.WithinPeriod(row.PublicationEnd, today))
            {
                throw new CreditStateException($"公示截止期 {DateText.Date(row.PublicationEnd)} 已过，已自动停止公示，无需信用修复。");
            }

            if (today < from)
            {
                var period = policy.Period(row.Severity);
                throw new CreditStateException($"{CreditVocabulary.Name(row.Severity)}失信信息最短公示 {period.MinMonths} 个月，{DateText.Date(from)} 起方可信用修复。");
            }

            var now = Now;
            var changed = await db.Set<CreditPenaltyRecord>().Where(r => r.Id == id && r.Status == CreditRecordStatus.Published).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, CreditRecordStatus.Repaired).SetProperty(r => r.RepairedUtc, now).SetProperty(r => r.RepairedBy, actor)
                .SetProperty(r => r.RepairReason, reason), cancellationToken);
            if (changed == 0)
            {
                throw new CreditStateException("该记录已被他人处理，请刷新后查看。");
            }

            await ledger.AppendAsync(actor, CreditLedgerActions.CreditRepair, LedgerId(CreditRecordKind.Penalty, id), null, Hash(CreditRecordMapper.ToData(row)),
                $"行政处罚 {row.DecisionNumber}（{row.PublicPartyName}）：{reason}", cancellationToken);
            return true;
        }, cancellationToken);

    public async Task<CreditRecordBase?> FindAsync(CreditRecordKind kind, long id, CancellationToken cancellationToken = default) => kind == CreditRecordKind.Licence
        ? await db.Set<CreditLicenceRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
        : await db.Set<CreditPenaltyRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private async Task<CreditRecordBase> LoadAsync(CreditRecordKind kind, long id, CancellationToken cancellationToken)
    {
        CreditRecordBase? row = kind == CreditRecordKind.Licence
            ? await db.Set<CreditLicenceRecord>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            : await db.Set<CreditPenaltyRecord>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return row ?? throw new CreditNotFoundException($"{CreditVocabulary.Name(kind)}记录 {id} 不存在。");
    }

    private Task<int> SetAsync(CreditRecordKind kind, long id, CreditRecordStatus from, CreditRecordStatus to, DateTime now, string actor, CancellationToken cancellationToken) =>
        kind == CreditRecordKind.Licence
            ? db.Set<CreditLicenceRecord>().Where(r => r.Id == id && r.Status == from).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, to).SetProperty(r => r.PublishedUtc, now).SetProperty(r => r.PublishedBy, actor), cancellationToken)
            : db.Set<CreditPenaltyRecord>().Where(r => r.Id == id && r.Status == from).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, to).SetProperty(r => r.PublishedUtc, now).SetProperty(r => r.PublishedBy, actor), cancellationToken);

    /// <summary>Another record, not withdrawn, with the same decision number (brackets and width ignored).</summary>
    private async Task<ImportProblem?> DuplicateAsync(CreditRecordData data, long? except, CancellationToken cancellationToken)
    {
        var key = DecisionNumberKey.Normalize(data.DecisionNumber);
        var other = data.Kind == CreditRecordKind.Licence
            ? await db.Set<CreditLicenceRecord>().Where(r => r.DecisionNumberKey == key && r.Status != CreditRecordStatus.Withdrawn && r.Id != except).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken)
            : await db.Set<CreditPenaltyRecord>().Where(r => r.DecisionNumberKey == key && r.Status != CreditRecordStatus.Withdrawn && r.Id != except).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var label = CreditFields.For(data.Kind)[CreditFields.DecisionNumber].Label;
        return other is null
            ? null
            : new ImportProblem(0, label, ImportProblemKind.DuplicateInDatabase, $"「{label}」“{data.DecisionNumber}”已有记录（编号 {other}）；同一决定只能公示一次，决定变更的请先撤回原记录。");
    }

    private static string CheckReason(string? reason, string what)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new CreditStateException($"请填写{what}。");
        }

        return text.Length <= MaxReasonLength ? text : throw new CreditStateException($"{what}不能超过 {MaxReasonLength} 个字。");
    }
}
