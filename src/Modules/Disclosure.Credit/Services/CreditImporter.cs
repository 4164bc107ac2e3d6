using System.Data.Common;
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

public sealed record CreditImportOptions
{
    /// <summary>Rows whose decision number is already in the database are left alone instead of reported (recipes, so applying one again changes nothing).</summary>
    public bool SkipExisting { get; init; }

    /// <summary>
    /// Publish each imported record that may go public, dated this many working days after its decision (and only
    /// if that is not in the future) — for demo data that should look as if it had been published on time. Null
    /// imports drafts, which the office publishes afterwards.
    /// </summary>
    public int? PublishAfterWorkingDays { get; init; }

    /// <summary>The agency whose decisions these are; null for the installation's own.</summary>
    public string? AgencyCode { get; init; }
}

public sealed record CreditImportResult(ImportReport Report, int Imported, int Published, string? Batch);

/// <summary>
/// Bulk import of 双公示 records from a table (CSV or XLSX, see <see cref="ITableReader"/>), all or nothing. The file
/// is read twice, streaming, never whole: the first pass checks every row (and every decision number against the
/// file and the database) and reports every problem; only when there is none does the second pass insert, in
/// one transaction, in prepared multi-row statements, so a failure part-way leaves nothing behind. Only the decision numbers seen so
/// far are held in memory (for the in-file duplicate check), about 100 bytes a row.
/// </summary>
public sealed class CreditImporter(
    DisclosureDbContext db,
    CreditSettings settings,
    IWorkingDayCalendarSource calendars,
    LedgerWriter ledger,
    AgencyDirectory agencies,
    TimeProvider clock)
{
        private const int DuplicateCheckBatch = 500;

    /// <summary>Checks a file without importing anything.</summary>
    public async Task<ImportReport> DryRunAsync(CreditRecordKind kind, ITableReader reader, CreditImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (report, _) = await CheckAsync(kind, reader, options ?? new(), await ContextAsync(cancellationToken), cancellationToken);
        return report;
    }

    /// <summary>
    /// Checks the file and, only if it is clean, imports every row. <paramref name="open"/> is called once per pass.
    /// <paramref name="source"/> (the file name) goes into the ledger entry.
    /// </summary>
    public Task<CreditImportResult> ImportAsync(
        CreditRecordKind kind, Func<ITableReader> open, string source, string actor, CreditImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new();
        return db.InTransactionAsync(async () =>
        {
            var context = await ContextAsync(cancellationToken);
            ImportReport report;
            HashSet<string> existing;
            using (var reader = open())
            {
                (report, existing) = await CheckAsync(kind, reader, options, context, cancellationToken);
            }

            if (!report.IsClean)
            {
                return new CreditImportResult(report, 0, 0, null);
            }

            var batch = Guid.NewGuid().ToString("n");
            var (imported, published) = await InsertAsync(kind, open, batch, actor, options, existing, context, cancellationToken);
            if (imported > 0)
            {
                await ledger.AppendAsync(actor, CreditLedgerActions.CreditImport, null, null, null,
                    $"{CreditVocabulary.Name(kind)}：导入 {imported} 条{(published > 0 ? $"，其中公示 {published} 条" : "（草稿）")}（文件 {Truncate(source)}，批次 {batch}）", cancellationToken);
            }

            return new CreditImportResult(report, imported, published, imported > 0 ? batch : null);
        }, cancellationToken);
    }

    private async Task<CreditParseContext> ContextAsync(CancellationToken cancellationToken) =>
        new(ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime), await settings.GetPolicyAsync(cancellationToken));

    /// <summary>The first pass. Returns the report and the keys found in the database (skipped when asked to).</summary>
    private async Task<(ImportReport Report, HashSet<string> Existing)> CheckAsync(
        CreditRecordKind kind, ITableReader reader, CreditImportOptions options, CreditParseContext context, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<(int Row, string Key, string Number)>();
        var set = CreditFields.For(kind);
        var numberLabel = set[CreditFields.DecisionNumber].Label;
        var problems = new List<ImportProblem>();
        try
        {
            foreach (var (row, values) in Rows(reader, set, report))
            {
                report.Rows++;
                problems.Clear();
                CreditRowParser.Parse(values, row, context, problems);
                if (values[CreditFields.DecisionNumber]?.Trim() is { Length: > 0 } number)
                {
                    var key = DecisionNumberKey.Normalize(number);
                    if (seen.TryGetValue(key, out var first))
                    {
                        problems.Add(new ImportProblem(row, numberLabel, ImportProblemKind.DuplicateInFile, $"「{numberLabel}」“{number}”与第 {first} 行重复。"));
                    }
                    else
                    {
                        seen[key] = row;
                        pending.Add((row, key, number));
                    }
                }

                problems.ForEach(report.Add);
                if (pending.Count >= DuplicateCheckBatch)
                {
                    await CheckExistingAsync(kind, pending, options, report, existing, numberLabel, cancellationToken);
                }
            }

            await CheckExistingAsync(kind, pending, options, report, existing, numberLabel, cancellationToken);
        }
        catch (TableFormatException ex)
        {
            report.Add(new ImportProblem(ex.Row ?? 1, "文件", ImportProblemKind.BadFile, ex.Message));
        }

        if (report.Rows == 0 && report.IsClean)
        {
            report.Add(new ImportProblem(2, "文件", ImportProblemKind.BadFile, "文件中没有数据行。"));
        }

        return (report, existing);
    }

    private async Task CheckExistingAsync(
        CreditRecordKind kind, List<(int Row, string Key, string Number)> pending, CreditImportOptions options, ImportReport report,
        HashSet<string> existing, string label, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var keys = pending.Select(p => p.Key).ToList();
        var found = (kind == CreditRecordKind.Licence
            ? await db.Set<CreditLicenceRecord>().Where(r => keys.Contains(r.DecisionNumberKey) && r.Status != CreditRecordStatus.Withdrawn).Select(r => r.DecisionNumberKey).ToListAsync(cancellationToken)
            : await db.Set<CreditPenaltyRecord>().Where(r => keys.Contains(r.DecisionNumberKey) && r.Status != CreditRecordStatus.Withdrawn).Select(r => r.DecisionNumberKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (row, key, number) in pending.Where(p => found.Contains(p.Key)))
        {
            existing.Add(key);
            if (options.SkipExisting)
            {
                report.Skipped++;
            }
            else
            {
                report.Add(new ImportProblem(row, label, ImportProblemKind.DuplicateInDatabase, $"「{label}」“{number}”已有记录，不能重复导入；决定变更的，请先撤回原记录。"));
            }
        }

        pending.Clear();
    }

    /// <summary>The second pass: every row again, into the database in prepared multi-row statements (see <see cref="BulkInsert{T}"/>).</summary>
    private async Task<(int Imported, int Published)> InsertAsync(
        CreditRecordKind kind, Func<ITableReader> open, string batch, string actor, CreditImportOptions options, HashSet<string> skip,
        CreditParseContext context, CancellationToken cancellationToken)
    {
        var agencyCode = await agencies.OwnerAsync(options.AgencyCode, cancellationToken);
        var calendar = options.PublishAfterWorkingDays is null ? null : await calendars.GetCalendarAsync(agencyCode, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (imported, published) = (0, 0);
        await using var licences = kind == CreditRecordKind.Licence ? new BulkInsert<CreditLicenceRecord>(db) : null;
        await using var penalties = kind == CreditRecordKind.Penalty ? new BulkInsert<CreditPenaltyRecord>(db) : null;
        try
        {
            using var reader = open();
            var report = new ImportReport();
            var problems = new List<ImportProblem>();
            foreach (var (row, values) in Rows(reader, CreditFields.For(kind), report))
            {
                var record = CreditRowParser.Parse(values, row, context, problems)
                    ?? throw new InvalidOperationException($"第 {row} 行在检查后发生变化，导入已取消：{string.Join("；", problems)}");
                if (skip.Contains(DecisionNumberKey.Normalize(record.DecisionNumber)))
                {
                    continue;
                }

                var entity = CreditRecordMapper.NewRow(record, agencyCode, actor, now);
                entity.ImportBatch = batch;
                if (calendar is not null && PublishedAt(record, calendar, options.PublishAfterWorkingDays!.Value, context, now) is { } at)
                {
                    entity.Status = CreditRecordStatus.Published;
                    entity.PublishedUtc = at;
                    entity.PublishedBy = actor;
                    published++;
                }

                if (entity is CreditLicenceRecord licence)
                {
                    await licences!.AddAsync(licence, cancellationToken);
                }
                else
                {
                    await penalties!.AddAsync((CreditPenaltyRecord)entity, cancellationToken);
                }

                imported++;
            }

            await (licences?.FlushAsync(cancellationToken) ?? penalties!.FlushAsync(cancellationToken));
        }
        catch (DbException ex)
        {
            // The unique index on the decision number: someone entered the same decision since the check.
            throw new CreditStateException("导入时发现与已有记录相同的决定文书号（可能有人同时录入），未导入任何记录，请重新预检后再导入。" + ex.Message);
        }

        return (imported, published);
    }

    /// <summary>09:30 Beijing time on the n-th working day after the decision, for a record that may go public; null otherwise.</summary>
    private static DateTime? PublishedAt(CreditRecordData record, WorkingDayCalendar calendar, int workingDays, CreditParseContext context, DateTime now)
    {
        // A penalty whose 公示期 has since ended is still published as it was back then; it is simply no longer public.
        if (CreditPublication.Blocks(record, context.Policy).Count > 0)
        {
            return null;
        }

        var day = calendar.AddWorkingDays(record.DecisionDate, workingDays).Value;
        var at = new DateTimeOffset(day.Year, day.Month, day.Day, 9, 30, 0, ChinaTime.Offset).UtcDateTime;
        return at <= now ? at : null;
    }

    /// <summary>
    /// The data rows of a table as values of the field set, by header. A header problem (unknown, repeated or missing
    /// column) is reported on row 1 and no data row is read: without the right columns every row would be wrong.
    /// </summary>
    private static IEnumerable<(int Row, CreditRowValues Values)> Rows(ITableReader reader, CreditFieldSet set, ImportReport report)
    {
        using var rows = reader.Rows().GetEnumerator();
        if (!rows.MoveNext())
        {
            yield break;
        }

        var header = rows.Current;
        var columns = new int[header.Cells.Count];
        var mapped = new HashSet<int>();
        var headerOk = true;
        for (var c = 0; c < header.Cells.Count; c++)
        {
            var label = header.Cells[c].Trim();
            columns[c] = -1;
            if (label.Length == 0)
            {
                continue;
            }

            if (set.FindByHeader(label) is not { } field)
            {
                report.Add(new ImportProblem(header.Number, label, ImportProblemKind.UnknownColumn, $"表头第 {c + 1} 列“{label}”不是{CreditVocabulary.Name(set.Kind)}的字段。请使用导出或模板文件的表头。"));
                headerOk = false;
            }
            else if (!mapped.Add(field))
            {
                report.Add(new ImportProblem(header.Number, label, ImportProblemKind.UnknownColumn, $"表头“{label}”出现了不止一次。"));
                headerOk = false;
            }
            else
            {
                columns[c] = field;
            }
        }

        foreach (var missing in set.Fields.Where((f, i) => f.Required && !mapped.Contains(i)))
        {
            report.Add(new ImportProblem(header.Number, missing.Label, ImportProblemKind.MissingColumn, $"表头缺少必填列“{missing.Label}”。"));
            headerOk = false;
        }

        if (!headerOk)
        {
            yield break;
        }

        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.IsBlank)
            {
                continue;
            }

            var values = new string?[set.Count];
            for (var c = 0; c < columns.Length; c++)
            {
                if (columns[c] >= 0)
                {
                    values[columns[c]] = row[c];
                }
            }

            yield return (row.Number, new CreditRowValues(set, values));
        }
    }

    private static string Truncate(string source) => source.Length <= 100 ? source : source[..100];
}
