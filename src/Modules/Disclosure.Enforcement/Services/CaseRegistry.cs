using System.Security.Cryptography;
using System.Text;
using Disclosure.Core.Security;
using Disclosure.Core.Time;
using Disclosure.Enforcement.Data;
using Disclosure.Enforcement.Models;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Enforcement.Services;

/// <summary>A 查询码 issued to a party: shown (and printed on the 回执) once, then only its hash is kept.</summary>
public sealed record IssuedQueryCode(long PartyId, string RoleName, string Code);

/// <summary>A registered case and the codes issued to its parties.</summary>
public sealed record RegisteredCase(long Id, string Number, IReadOnlyList<IssuedQueryCode> Codes);

/// <summary>What a batch of events did (or, in a dry run, would do).</summary>
public sealed record EventBatchResult(int Added, int AlreadyPresent, IReadOnlyList<string> CaseNumbers)
{
    /// <summary>The 0-based positions of the events already stored (and so left alone), for a dry run's report.</summary>
    public IReadOnlyList<int> AlreadyPresentItems { get; init; } = [];

    /// <summary>Notices written for parties who asked to be told of each new step (0 in a dry run or with no receiver).</summary>
    public int Notices { get; init; }
}

/// <summary>
/// Writes 执法公开's cases, parties and events: every input checked against the office's case kinds first (kind, event
/// type, roles, dates not in the future and not before 受案), a batch refused whole with every problem listed, each
/// change in one transaction with its 台账 entry and the notices to the parties who asked for them.
/// </summary>
public sealed class CaseRegistry(DisclosureDbContext db, CaseKindStore kinds, LedgerWriter ledger, CaseStepNotices notices, AgencyDirectory agencies, TimeProvider clock)
{
    /// <summary>A year's events of a large office in one file; validated and written in chunks, so memory stays flat.</summary>
    public const int MaxBatch = 100_000;

    /// <summary>Events written per SaveChanges (the change tracker is cleared after each).</summary>
    private const int WriteChunk = 1_000;

    public DateOnly Today => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    public async Task<RegisteredCase> RegisterAsync(NewCase input, string actor, CancellationToken cancellationToken = default)
    {
        var vocabulary = await kinds.GetAsync(cancellationToken);
        var number = CaseText.NormalizeNumber(input.Number);
        var errors = CheckCase(input, number, vocabulary);
        if (errors.Count == 0 && await db.Set<EnforcementCaseRecord>().AnyAsync(c => c.Number == number, cancellationToken))
        {
            errors.Add(new CaseInputError("案件编号", $"案件 {number} 已登记。"));
        }

        var agencyCode = await agencies.FindOwnerAsync(input.AgencyCode, cancellationToken);
        if (agencyCode is null)
        {
            errors.Add(new CaseInputError("办案机关", $"机构“{input.AgencyCode}”不存在。"));
        }

        if (errors.Count > 0)
        {
            throw new CaseInputException(errors);
        }

        var kind = vocabulary.Find(input.Kind)!;
        return await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var record = new EnforcementCaseRecord
            {
                Number = number, AgencyCode = agencyCode!, KindCode = kind.Code, UnitName = input.UnitName.Trim(), UnitContact = input.UnitContact.Trim(),
                AcceptedOn = input.AcceptedOn, StageCode = kind.Opening.Code, CreatedUtc = now, CreatedBy = actor,
            };
            db.Set<EnforcementCaseRecord>().Add(record);
            await db.SaveChangesAsync(cancellationToken);

            db.Set<CaseEventRecord>().Add(new CaseEventRecord
            {
                CaseId = record.Id, TypeCode = kind.Opening.Code, FormedOn = input.AcceptedOn, VisibleUtc = now,
                DocumentName = Clean(input.OpeningDocumentName) ?? kind.Opening.Document, DocumentNumber = Clean(input.OpeningDocumentNumber),
                RecordedUtc = now, RecordedBy = actor,
            });
            var codes = new List<IssuedQueryCode>();
            foreach (var party in input.Parties)
            {
                var code = TrackingCode.New();
                var partyRecord = new CasePartyRecord { CaseId = record.Id, RoleCode = party.Role, QueryCodeHash = HashCode(code), Notify = party.Notify, CreatedUtc = now };
                db.Set<CasePartyRecord>().Add(partyRecord);
                await db.SaveChangesAsync(cancellationToken);
                db.Set<CasePartyContactRecord>().Add(new CasePartyContactRecord
                {
                    PartyId = partyRecord.Id, Name = party.Name.Trim(), IdNumber = Clean(party.IdNumber)?.ToUpperInvariant(), Phone = Clean(party.Phone),
                });
                codes.Add(new IssuedQueryCode(partyRecord.Id, kind.FindRole(party.Role)!.Name, TrackingCode.Format(code)));
            }

            await db.SaveChangesAsync(cancellationToken);
            await ledger.AppendAsync(actor, EnforcementLedgerActions.CaseRegistered, EnforcementLedgerActions.Subject(number), null, null,
                $"{kind.Name} {number}，{record.UnitName}，当事人 {codes.Count} 名（{string.Join("、", codes.Select(c => c.RoleName))}）", cancellationToken);
            return new RegisteredCase(record.Id, number, codes);
        }, cancellationToken);
    }

    /// <summary>
    /// Adds a batch of events, all or none: every event is checked first and any problem refuses the whole batch
    /// (<see cref="CaseInputException"/> lists them all). An event whose <c>(source, SourceEventId)</c> is already stored
    /// is counted as already present and not added again. With <paramref name="dryRun"/> nothing is written. With
    /// <paramref name="agencyCode"/> (an API client's agency) only that agency's cases are found: another agency's case
    /// is refused exactly as a case never registered, so a client learns nothing of other agencies' cases.
    /// </summary>
    public async Task<EventBatchResult> RecordEventsAsync(
        IReadOnlyList<NewCaseEvent> events, string? source, string actor, bool dryRun = false, string? agencyCode = null, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            throw new CaseInputException([new CaseInputError(string.Empty, "没有要导入的办理环节。")]);
        }

        if (events.Count > MaxBatch)
        {
            throw new CaseInputException([new CaseInputError(string.Empty, $"一次最多导入 {MaxBatch} 条办理环节，请分批提交。")]);
        }

        var vocabulary = await kinds.GetAsync(cancellationToken);
        var numbers = events.Select(e => CaseText.NormalizeNumber(e.CaseNumber)).Distinct().ToList();
        var cases = new Dictionary<string, EnforcementCaseRecord>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(500))
        {
            var query = db.Set<EnforcementCaseRecord>().AsNoTracking().Where(c => chunk.Contains(c.Number));
            if (agencyCode is not null)
            {
                query = query.Where(c => c.AgencyCode == agencyCode);
            }

            foreach (var found in await query.ToListAsync(cancellationToken))
            {
                cases[found.Number] = found;
            }
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        if (source is not null)
        {
            var ids = events.Select(e => e.SourceEventId).OfType<string>().Distinct().ToList();
            foreach (var chunk in ids.Chunk(500))
            {
                known.UnionWith(await db.Set<CaseEventRecord>().Where(e => e.Source == source && chunk.Contains(e.SourceEventId!)).Select(e => e.SourceEventId!).ToListAsync(cancellationToken));
            }
        }

        var errors = new List<CaseInputError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var accepted = new List<(NewCaseEvent Input, EnforcementCaseRecord Case, CaseEventType Type)>();
        var already = new List<int>();
        for (var i = 0; i < events.Count; i++)
        {
            var input = events[i];
            var where = $"第 {i + 1} 条";
            var before = errors.Count;
            var item = i;
            void Refuse(string message) => errors.Add(new CaseInputError(where, message) { Item = item });
            if (source is not null && string.IsNullOrWhiteSpace(input.SourceEventId))
            {
                Refuse("缺少来源事件编号。");
            }
            else if (input.SourceEventId is { Length: > 64 })
            {
                Refuse("来源事件编号不能超过 64 个字符。");
            }
            else if (input.SourceEventId is { } id && !seen.Add(id))
            {
                Refuse($"来源事件编号 {id} 在本批中重复。");
            }

            if (!cases.TryGetValue(CaseText.NormalizeNumber(input.CaseNumber), out var found))
            {
                Refuse($"案件 {CaseText.NormalizeNumber(input.CaseNumber)} 未登记。");
                continue;
            }

            var kind = vocabulary.Find(found.KindCode)!;
            var type = FindType(kind, input.Type);
            if (type is null)
            {
                Refuse($"“{input.Type}”不是{kind.Name}的办理环节（可用：{string.Join("、", kind.Events.Where(e => !e.Opening).Select(e => $"{e.Code} {e.Name}"))}）。");
            }
            else if (type.Opening)
            {
                Refuse($"“{type.Name}”随案件登记，不能再次添加。");
            }

            errors.AddRange(CheckEventFields(input, found, type, where).Select(e => e with { Item = item }));
            if (errors.Count > before || type is null)
            {
                continue;
            }

            if (input.SourceEventId is { } sourceId && known.Contains(sourceId))
            {
                already.Add(i);
            }
            else
            {
                accepted.Add((input, found, type));
            }
        }

        if (errors.Count > 0)
        {
            throw new CaseInputException(errors);
        }

        var result = new EventBatchResult(accepted.Count, already.Count, accepted.Select(a => a.Case.Number).Distinct().ToList()) { AlreadyPresentItems = already };
        if (dryRun || accepted.Count == 0)
        {
            return result;
        }

        var written = await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var listeners = await notices.ListenersAsync(accepted.Select(a => a.Case.Id).Distinct().ToList(), cancellationToken);
            var sent = 0;
            foreach (var chunk in accepted.Chunk(WriteChunk))
            {
                var rows = chunk.Select(a => (a.Case, Row: new CaseEventRecord
                {
                    CaseId = a.Case.Id, TypeCode = a.Type.Code, FormedOn = a.Input.FormedOn, VisibleUtc = a.Input.Visible ? now : null,
                    DocumentName = Clean(a.Input.DocumentName) ?? a.Type.Document, DocumentNumber = Clean(a.Input.DocumentNumber), Detail = Clean(a.Input.Detail),
                    Source = source, SourceEventId = source is null ? null : a.Input.SourceEventId, RecordedUtc = now, RecordedBy = actor,
                })).ToList();
                db.Set<CaseEventRecord>().AddRange(rows.Select(r => r.Row));
                await db.SaveChangesAsync(cancellationToken);
                foreach (var (found, row) in rows.Where(r => r.Row.VisibleUtc is not null))
                {
                    sent += notices.Add(listeners, vocabulary.Find(found.KindCode)!, row);
                }

                await db.SaveChangesAsync(cancellationToken);
                // Flat memory for a large batch: nothing written so far is needed again.
                db.ChangeTracker.Clear();
            }

            await UpdateStagesAsync(accepted.Select(a => a.Case.Id).Distinct().ToList(), cancellationToken);
            if (accepted.Count == 1)
            {
                var (input, found, type) = accepted[0];
                await ledger.AppendAsync(actor, EnforcementLedgerActions.EventRecorded, EnforcementLedgerActions.Subject(found.Number), null, null,
                    $"{type.Name}（{input.FormedOn:yyyy-MM-dd}）{(input.Visible ? "，已向当事人公开" : "，暂未公开")}", cancellationToken);
            }
            else
            {
                await ledger.AppendAsync(actor, EnforcementLedgerActions.EventsImported, null, null, null,
                    $"{source ?? "手工"}：新增 {accepted.Count} 条，已存在 {already.Count} 条，涉及案件 {result.CaseNumbers.Count} 件", cancellationToken);
            }

            return sent;
        }, cancellationToken);
        return result with { Notices = written };
    }

    /// <summary>Makes a held-back event visible to the parties now (its timeliness is judged from this moment).</summary>
    public async Task<bool> ReleaseAsync(long eventId, string actor, CancellationToken cancellationToken = default) =>
        await db.InTransactionAsync(async () =>
        {
            var found = await (from e in db.Set<CaseEventRecord>()
                               join c in db.Set<EnforcementCaseRecord>() on e.CaseId equals c.Id
                               where e.Id == eventId && e.VisibleUtc == null
                               select new { Event = e, c.Number, c.KindCode }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return false;
            }

            found.Event.VisibleUtc = clock.GetUtcNow().UtcDateTime;
            var vocabulary = await kinds.GetAsync(cancellationToken);
            if (vocabulary.Find(found.KindCode) is { } kind)
            {
                notices.Add(await notices.ListenersAsync([found.Event.CaseId], cancellationToken), kind, found.Event);
            }

            await db.SaveChangesAsync(cancellationToken);
            await UpdateStagesAsync([found.Event.CaseId], cancellationToken);
            var name = vocabulary.EventName(found.KindCode, found.Event.TypeCode);
            await ledger.AppendAsync(actor, EnforcementLedgerActions.EventReleased, EnforcementLedgerActions.Subject(found.Number), null, null,
                $"{name}（{found.Event.FormedOn:yyyy-MM-dd}）", cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>A new 查询码 for a party who lost theirs; the old one stops working at once.</summary>
    public async Task<IssuedQueryCode?> ReissueCodeAsync(long partyId, string actor, CancellationToken cancellationToken = default) =>
        await db.InTransactionAsync(async () =>
        {
            var found = await (from p in db.Set<CasePartyRecord>()
                               join c in db.Set<EnforcementCaseRecord>() on p.CaseId equals c.Id
                               where p.Id == partyId
                               select new { Party = p, c.Number, c.KindCode }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            var code = TrackingCode.New();
            found.Party.QueryCodeHash = HashCode(code);
            await db.SaveChangesAsync(cancellationToken);
            var role = (await kinds.GetAsync(cancellationToken)).Find(found.KindCode)?.FindRole(found.Party.RoleCode)?.Name ?? found.Party.RoleCode;
            await ledger.AppendAsync(actor, EnforcementLedgerActions.QueryCodeReissued, EnforcementLedgerActions.Subject(found.Number), null, null,
                $"当事人（{role}）的查询码已重新生成，原查询码作废", cancellationToken);
            return new IssuedQueryCode(partyId, role, TrackingCode.Format(code));
        }, cancellationToken);

    /// <summary>SHA-256 of the normalised code, hex: what <see cref="CasePartyRecord.QueryCodeHash"/> holds.</summary>
    public static string HashCode(string normalizedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalizedCode)));

    private List<CaseInputError> CheckCase(NewCase input, string number, CaseKinds vocabulary)
    {
        var errors = new List<CaseInputError>();
        if (number.Length is 0 or > 50)
        {
            errors.Add(new CaseInputError("案件编号", "请填写案件编号（不超过 50 个字符）。"));
        }

        var kind = vocabulary.Find(input.Kind);
        if (kind is null)
        {
            errors.Add(new CaseInputError("案件类别", $"“{input.Kind}”不是本单位的案件类别（可用：{string.Join("、", vocabulary.All.Select(k => $"{k.Code} {k.Name}"))}）。"));
        }

        if (string.IsNullOrWhiteSpace(input.UnitName) || input.UnitName.Trim().Length > 100)
        {
            errors.Add(new CaseInputError("办案单位", "请填写办案单位（不超过 100 个字）。"));
        }

        if (string.IsNullOrWhiteSpace(input.UnitContact) || input.UnitContact.Trim().Length > 200)
        {
            errors.Add(new CaseInputError("办案单位联系方式", "请填写办案单位联系方式（不超过 200 个字）。"));
        }

        if (input.AcceptedOn > Today)
        {
            errors.Add(new CaseInputError("受案日期", "受案日期不能晚于今天。"));
        }

        if (input.Parties.Count == 0)
        {
            errors.Add(new CaseInputError("当事人", "至少登记一名当事人，才能向其提供查询。"));
        }

        for (var i = 0; i < input.Parties.Count; i++)
        {
            var party = input.Parties[i];
            var where = $"第 {i + 1} 名当事人";
            if (kind is not null && kind.FindRole(party.Role) is null)
            {
                errors.Add(new CaseInputError(where, $"“{party.Role}”不是{kind.Name}的当事人身份（可用：{string.Join("、", kind.Roles.Select(r => $"{r.Code} {r.Name}"))}）。"));
            }

            if (string.IsNullOrWhiteSpace(party.Name) || party.Name.Trim().Length > 100)
            {
                errors.Add(new CaseInputError(where, "请填写姓名或名称（不超过 100 个字）。"));
            }

            var id = Clean(party.IdNumber);
            var phone = Clean(party.Phone);
            if (id is null && phone is null)
            {
                errors.Add(new CaseInputError(where, "证件号码和联系电话至少填写一项（查询时核对其后四位）。"));
            }

            if (id is not null && (id.Length is < 6 or > 20 || !id.All(char.IsAsciiLetterOrDigit)))
            {
                errors.Add(new CaseInputError(where, "证件号码应为 6 至 20 位字母或数字。"));
            }

            if (phone is not null && (phone.Length is < 7 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
            {
                errors.Add(new CaseInputError(where, "联系电话应为 7 至 20 位数字。"));
            }
        }

        return errors;
    }

    private IEnumerable<CaseInputError> CheckEventFields(NewCaseEvent input, EnforcementCaseRecord found, CaseEventType? type, string where)
    {
        if (input.FormedOn > Today)
        {
            yield return new CaseInputError(where, $"形成日期 {input.FormedOn:yyyy-MM-dd} 晚于今天。");
        }

        if (input.FormedOn < found.AcceptedOn)
        {
            yield return new CaseInputError(where, $"形成日期 {input.FormedOn:yyyy-MM-dd} 早于受案日期 {found.AcceptedOn:yyyy-MM-dd}。");
        }

        if (input.DocumentName is { Length: > 100 } || input.DocumentNumber is { Length: > 100 })
        {
            yield return new CaseInputError(where, "法律文书名称和文号各不能超过 100 个字。");
        }

        if (input.Detail is { Length: > 200 })
        {
            yield return new CaseInputError(where, "说明不能超过 200 个字。");
        }

        if (type?.DetailLabel is { } label && Clean(input.Detail) is null)
        {
            yield return new CaseInputError(where, $"“{type.Name}”须填写{label}。");
        }
    }

    /// <summary>
    /// Each case's stage becomes its latest visible event's type, by 形成日期 and then by order of recording (a held-back
    /// step is not public, not even as a count in the statistics; the opening event always is): one UPDATE per 500
    /// cases, the latest type found by a subquery in the database.
    /// </summary>
    private async Task UpdateStagesAsync(IReadOnlyList<long> caseIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in caseIds.Chunk(500))
        {
            await db.Set<EnforcementCaseRecord>().Where(c => chunk.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(
                c => c.StageCode,
                c => db.Set<CaseEventRecord>().Where(e => e.CaseId == c.Id && e.VisibleUtc != null).OrderByDescending(e => e.FormedOn).ThenByDescending(e => e.Id).Select(e => e.TypeCode).First()),
                cancellationToken);
        }
    }

    /// <summary>The kind's event by its code or, as people type it in a table, by its zh-CN name.</summary>
    private static CaseEventType? FindType(CaseKindDefinition kind, string? typed)
    {
        var value = typed?.Trim() ?? string.Empty;
        return kind.FindEvent(value) ?? kind.Events.FirstOrDefault(e => e.Name == value);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
