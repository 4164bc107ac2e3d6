using Disclosure.Core.ContentManagement;
using Disclosure.Core.ContentManagement.Validation;
using Disclosure.Core.Tables;
using Disclosure.Credit.Services;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Credit.PowerList;

public sealed record PowerListImportResult(ImportReport Report, IReadOnlyList<string> Created);

/// <summary>
/// Imports a 权力清单 table as new 办事指南 drafts, all or nothing, the same way 双公示 imports work: a first pass
/// checks every row against the type's definition (the validator the admin form uses) and every 事项编码 against the
/// file and the site; only a clean file is imported. The drafts then go through review like any other item.
/// </summary>
public sealed class PowerListImporter(DisclosureDbContext db, ContentDefinitionStore definitions, ContentManager contents, LedgerWriter ledger)
{
    public async Task<ImportReport> DryRunAsync(ITableReader reader, CancellationToken cancellationToken = default) =>
        (await CheckAsync(reader, cancellationToken)).Report;

    public Task<PowerListImportResult> ImportAsync(Func<ITableReader> open, string source, string actor, string? department, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            List<ContentData> items;
            ImportReport report;
            using (var reader = open())
            {
                (report, items) = await CheckAsync(reader, cancellationToken);
            }

            if (!report.IsClean)
            {
                return new PowerListImportResult(report, []);
            }

            var context = await contents.BuildValidationContextAsync(cancellationToken: cancellationToken);
            var created = new List<string>();
            foreach (var data in items)
            {
                created.Add((await contents.CreateAsync(PowerList.ContentType, data, actor, department, null, context, cancellationToken)).Item.ContentItemId);
            }

            await ledger.AppendAsync(actor, CreditLedgerActions.PowerListImport, null, null, null,
                $"导入权力清单（办事指南）{created.Count} 项，均为草稿，须经审核后发布（文件 {(source.Length > 100 ? source[..100] : source)}）", cancellationToken);
            return new PowerListImportResult(report, created);
        }, cancellationToken);

    /// <summary>
    /// Checks every row. A power list is a few hundred items, so the parsed items are kept for the insert; the file
    /// itself is still read streaming.
    /// </summary>
    private async Task<(ImportReport Report, List<ContentData> Items)> CheckAsync(ITableReader reader, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        var items = new List<ContentData>();
        var mapping = await PowerList.MappingAsync(definitions, cancellationToken);
        var context = await contents.BuildValidationContextAsync(cancellationToken: cancellationToken);
        var catalogue = await db.CatalogueClasses.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Code, cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Name, a => a.Code, cancellationToken);
        var existing = (await PowerList.LatestAsync(db, cancellationToken)).Select(i => PowerList.Code(i.Data)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var codeLabel = mapping.Type.Fields.Single(f => f.Name == PowerList.CodeField).DisplayName;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var rows = reader.Rows().GetEnumerator();
            if (!rows.MoveNext() || Header(rows.Current, mapping, report) is not { } columns)
            {
                if (report.IsClean)
                {
                    report.Add(new ImportProblem(1, "文件", ImportProblemKind.BadFile, "文件中没有表头。"));
                }

                return (report, items);
            }

            while (rows.MoveNext())
            {
                var row = rows.Current;
                if (row.IsBlank)
                {
                    continue;
                }

                report.Rows++;
                var cells = new string?[mapping.Columns.Count];
                for (var c = 0; c < columns.Length; c++)
                {
                    if (columns[c] >= 0)
                    {
                        cells[columns[c]] = row[c];
                    }
                }

                var problems = new List<(string Column, string Message)>();
                var data = mapping.ToData(cells, problems, catalogue.GetValueOrDefault, agencies.GetValueOrDefault);
                foreach (var (column, message) in problems)
                {
                    report.Add(new ImportProblem(row.Number, column, ImportProblemKind.InvalidValue, message));
                }

                foreach (var error in ContentValidator.Validate(mapping.Type, data, context))
                {
                    var column = mapping.Columns.FirstOrDefault(c => error.Path.StartsWith($"{c.Part}.{c.Field.Name}", StringComparison.Ordinal))?.Label ?? error.Path;
                    report.Add(new ImportProblem(row.Number, column, ImportProblemKind.InvalidValue, error.Message));
                }

                if (PowerList.Code(data) is { Length: > 0 } code)
                {
                    if (seen.TryGetValue(code, out var first))
                    {
                        report.Add(new ImportProblem(row.Number, codeLabel, ImportProblemKind.DuplicateInFile, $"「{codeLabel}」“{code}”与第 {first} 行重复。"));
                    }
                    else if (existing.Contains(code))
                    {
                        report.Add(new ImportProblem(row.Number, codeLabel, ImportProblemKind.DuplicateInDatabase, $"「{codeLabel}」“{code}”的事项已存在；修改已有事项请在管理后台编辑。"));
                    }

                    seen.TryAdd(code, row.Number);
                }

                items.Add(data);
            }
        }
        catch (TableFormatException ex)
        {
            report.Add(new ImportProblem(ex.Row ?? 1, "文件", ImportProblemKind.BadFile, ex.Message));
        }

        if (report.Rows == 0 && report.IsClean)
        {
            report.Add(new ImportProblem(2, "文件", ImportProblemKind.BadFile, "文件中没有数据行。"));
        }

        return (report, items);
    }

    private static int[]? Header(TableRow header, ContentTableMapping mapping, ImportReport report)
    {
        var columns = new int[header.Cells.Count];
        var mapped = new HashSet<int>();
        for (var c = 0; c < header.Cells.Count; c++)
        {
            var label = header.Cells[c].Trim();
            columns[c] = -1;
            if (label.Length == 0)
            {
                continue;
            }

            if (mapping.FindByHeader(label) is not { } index || !mapped.Add(index))
            {
                report.Add(new ImportProblem(header.Number, label, ImportProblemKind.UnknownColumn, $"表头第 {c + 1} 列“{label}”不是权力清单的列，或出现了不止一次。请使用导出或模板文件的表头。"));
            }
            else
            {
                columns[c] = index;
            }
        }

        foreach (var missing in mapping.Columns.Where((col, i) => col.Field.Required && col.Role == ContentColumnRole.Value && !mapped.Contains(i)))
        {
            report.Add(new ImportProblem(header.Number, missing.Label, ImportProblemKind.MissingColumn, $"表头缺少必填列“{missing.Label}”。"));
        }

        return report.IsClean ? columns : null;
    }
}
