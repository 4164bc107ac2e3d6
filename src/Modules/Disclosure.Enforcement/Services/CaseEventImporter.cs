using Disclosure.Core.Calendar;
using Disclosure.Core.Tables;
using Disclosure.Enforcement.Models;

namespace Disclosure.Enforcement.Services;

/// <summary>One row of a dry run's preview: what the import would do with it.</summary>
public sealed record CaseEventPreviewRow(int Row, string CaseNumber, string Type, string FormedOn, bool Visible, bool AlreadyPresent);

/// <summary>What checking (or importing) a table of events found.</summary>
public sealed record CaseEventImportResult(ImportReport Report, int Added, int AlreadyPresent, IReadOnlyList<CaseEventPreviewRow> Preview, int Notices = 0)
{
    public bool IsClean => Report.IsClean;
}

/// <summary>
/// 办理环节批量导入: a CSV (UTF-8 with or without BOM, or GB18030) or XLSX table of events, one per row, checked by
/// the same rules as the API (<see cref="CaseRegistry.RecordEventsAsync"/>) and written all or nothing; every
/// problem is reported with its row as Excel numbers it.
/// </summary>
public sealed class CaseEventImporter(CaseRegistry registry)
{
    public const string SourceEventId = "来源事件编号";
    public const string CaseNumber = "案件编号";
    public const string EventType = "办理环节";
    public const string FormedOn = "形成日期";
    public const string DocumentName = "法律文书名称";
    public const string DocumentNumber = "文书文号";
    public const string Detail = "说明";
    public const string Visible = "是否公开";

    /// <summary>The template's header row, in order (the order in a file does not matter).</summary>
    public static readonly IReadOnlyList<string> Columns = [SourceEventId, CaseNumber, EventType, FormedOn, DocumentName, DocumentNumber, Detail, Visible];

    private static readonly string[] Required = [SourceEventId, CaseNumber, EventType, FormedOn];

    /// <summary>How many rows the dry run's preview lists.</summary>
    public const int PreviewRows = 200;

    /// <summary>Reads and checks the table, and with <paramref name="dryRun"/> false writes it if nothing is wrong.</summary>
    public async Task<CaseEventImportResult> RunAsync(ITableReader reader, string source, string actor, bool dryRun, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var (events, rows) = Read(reader, report);
        if (!report.IsClean || events.Count == 0)
        {
            if (report.IsClean)
            {
                report.Add(new ImportProblem(1, string.Empty, ImportProblemKind.MissingValue, "文件中没有数据行。"));
            }

            return new CaseEventImportResult(report, 0, 0, []);
        }

        if (events.Count > CaseRegistry.MaxBatch)
        {
            report.Add(new ImportProblem(rows[CaseRegistry.MaxBatch], string.Empty, ImportProblemKind.InvalidValue, $"一次最多导入 {CaseRegistry.MaxBatch} 行，请分成几个文件。"));
            return new CaseEventImportResult(report, 0, 0, []);
        }

        try
        {
            var result = await registry.RecordEventsAsync(events, source, actor, dryRun, cancellationToken: cancellationToken);
            var present = result.AlreadyPresentItems.ToHashSet();
            var preview = events.Take(PreviewRows).Select((e, i) => new CaseEventPreviewRow(
                rows[i], CaseText.NormalizeNumber(e.CaseNumber), e.Type.Trim(), e.FormedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Visible, present.Contains(i))).ToList();
            return new CaseEventImportResult(report, result.Added, result.AlreadyPresent, preview, result.Notices);
        }
        catch (CaseInputException refused)
        {
            foreach (var error in refused.Errors)
            {
                report.Add(new ImportProblem(error.Item is { } item ? rows[item] : 1, ColumnOf(error.Message), ImportProblemKind.InvalidValue, error.Message));
            }

            return new CaseEventImportResult(report, 0, 0, []);
        }
    }

    private static (List<NewCaseEvent> Events, List<int> Rows) Read(ITableReader reader, ImportReport report)
    {
        var events = new List<NewCaseEvent>();
        var rows = new List<int>();
        Dictionary<string, int>? columns = null;
        try
        {
            foreach (var row in reader.Rows())
            {
                if (columns is null)
                {
                    columns = Header(row, report);
                    if (!report.IsClean)
                    {
                        return (events, rows);
                    }

                    continue;
                }

                if (row.IsBlank)
                {
                    continue;
                }

                report.Rows++;
                string Cell(string label) => columns.TryGetValue(label, out var index) ? row[index].Trim() : string.Empty;
                var before = report.ProblemCount;
                foreach (var label in Required.Where(l => Cell(l).Length == 0))
                {
                    report.Add(new ImportProblem(row.Number, label, ImportProblemKind.MissingValue, $"请填写{label}。"));
                }

                var formedOn = default(DateOnly);
                if (Cell(FormedOn).Length > 0 && !CalendarRules.TryParseDate(Cell(FormedOn), out formedOn, out var dateError))
                {
                    report.Add(new ImportProblem(row.Number, FormedOn, ImportProblemKind.BadDate, dateError!));
                }

                bool? visible = Cell(Visible) switch
                {
                    "" or "是" => true,
                    "否" => false,
                    _ => null,
                };
                if (visible is null)
                {
                    report.Add(new ImportProblem(row.Number, Visible, ImportProblemKind.UnknownOption, $"“{Cell(Visible)}”无效，请填写“是”或“否”（空白为“是”）。"));
                }

                if (report.ProblemCount == before)
                {
                    events.Add(new NewCaseEvent(Cell(CaseNumber), Cell(EventType), formedOn, Blank(Cell(DocumentName)), Blank(Cell(DocumentNumber)), Blank(Cell(Detail)), visible!.Value, Cell(SourceEventId)));
                    rows.Add(row.Number);
                }
            }
        }
        catch (TableFormatException exception)
        {
            report.Add(new ImportProblem(exception.Row ?? 1, string.Empty, ImportProblemKind.BadFile, exception.Message));
        }

        if (columns is null && report.IsClean)
        {
            report.Add(new ImportProblem(1, string.Empty, ImportProblemKind.MissingColumn, "文件是空的：第一行应为表头。"));
        }

        return (events, rows);
    }

    private static Dictionary<string, int> Header(TableRow header, ImportReport report)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var label = header.Cells[i].Trim().TrimStart('\uFEFF');
            if (label.Length == 0)
            {
                continue;
            }

            if (!Columns.Contains(label))
            {
                report.Add(new ImportProblem(1, label, ImportProblemKind.UnknownColumn, $"表头“{label}”不是模板中的列（{string.Join("、", Columns)}）。"));
            }
            else if (!columns.TryAdd(label, i))
            {
                report.Add(new ImportProblem(1, label, ImportProblemKind.DuplicateInFile, $"表头“{label}”出现了两次。"));
            }
        }

        foreach (var missing in Required.Where(l => !columns.ContainsKey(l)))
        {
            report.Add(new ImportProblem(1, missing, ImportProblemKind.MissingColumn, $"表头缺少“{missing}”列。"));
        }

        return columns;
    }

    /// <summary>The column a registry message is about, for the report's column cell.</summary>
    private static string ColumnOf(string message) =>
        message.Contains(SourceEventId, StringComparison.Ordinal) ? SourceEventId
        : message.Contains("形成日期", StringComparison.Ordinal) ? FormedOn
        : message.Contains("未登记", StringComparison.Ordinal) ? CaseNumber
        : message.Contains("办理环节", StringComparison.Ordinal) || message.Contains("随案件登记", StringComparison.Ordinal) ? EventType
        : message.Contains("法律文书", StringComparison.Ordinal) ? DocumentName
        : message.Contains("说明", StringComparison.Ordinal) || message.Contains("须填写", StringComparison.Ordinal) ? Detail
        : string.Empty;

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
