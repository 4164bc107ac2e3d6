using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Requests.Models;
using Disclosure.Requests.Statistics;
namespace Disclosure.AnnualReports.Models;

/// <summary>
/// Every number of one annual report, as computed from the records at one moment: tables 二, 三 and 四 and the
/// facts section 一 is drafted from. A draft stores this snapshot (<see cref="ToJson"/>), so the published report
/// shows exactly the figures that were reviewed, and a refresh can say which counts moved since.
/// </summary>
public sealed record AnnualReportFigures(
    int Year,
    int FormatYear,
    ProactiveFigures Proactive,
    ApplicationTable Applications,
    AppealTable Appeals,
    OverviewFacts Overview)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>These figures with the cells the office entered by hand filled in (see <see cref="ManualCells"/>).</summary>
    public AnnualReportFigures WithManualValues(IReadOnlyDictionary<string, decimal> manual) =>
        manual.TryGetValue(ManualCells.Enforcement, out var enforcement)
            ? this with { Proactive = Proactive with { Enforcement = (int)enforcement } }
            : this;

    /// <summary>
    /// Every data cell of the three tables in table order, each with a stable key, so two snapshots can be compared
    /// cell by cell. A cell with no value yet (行政强制 not entered) is left out.
    /// </summary>
    public IReadOnlyList<ReportCell> Cells()
    {
        var cells = new List<ReportCell>();
        void Documents(string row, DocumentCounts counts)
        {
            for (var i = 0; i < 3; i++)
            {
                cells.Add(new ReportCell($"二|{row}|{ProactiveTableLabels.DocumentColumns[i]}", "二", row, ProactiveTableLabels.DocumentColumns[i], counts.Cells[i]));
            }
        }

        Documents(ProactiveTableLabels.Rules, Proactive.Rules);
        Documents(ProactiveTableLabels.Normative, Proactive.Normative);
        cells.Add(new ReportCell($"二|{ProactiveTableLabels.Licensing}|{ProactiveTableLabels.DecisionColumn}", "二", ProactiveTableLabels.Licensing, ProactiveTableLabels.DecisionColumn, Proactive.Licensing));
        cells.Add(new ReportCell($"二|{ProactiveTableLabels.Penalty}|{ProactiveTableLabels.DecisionColumn}", "二", ProactiveTableLabels.Penalty, ProactiveTableLabels.DecisionColumn, Proactive.Penalty));
        if (Proactive.Enforcement is { } enforcement)
        {
            cells.Add(new ReportCell(ManualCells.Enforcement, "二", ProactiveTableLabels.Enforcement, ProactiveTableLabels.DecisionColumn, enforcement));
        }

        cells.Add(new ReportCell($"二|{ProactiveTableLabels.Fees}|{ProactiveTableLabels.FeeColumn}", "二", ProactiveTableLabels.Fees, ProactiveTableLabels.FeeColumn, Proactive.FeeAmount));

        foreach (var row in Applications.Rows)
        {
            for (var c = 0; c < ApplicationTable.ColumnLabels.Count; c++)
            {
                var column = ApplicationTable.ColumnLabels[c];
                var rowKey = RowKey(row.Label);
                cells.Add(new ReportCell($"三|{rowKey}|{column}", "三", rowKey, column, row.Counts.Cells[c]));
            }
        }

        string[] groups = [AppealTableLabels.Reconsideration, AppealTableLabels.DirectLitigation, AppealTableLabels.LitigationAfterReconsideration];
        for (var i = 0; i < Appeals.Cells.Count; i++)
        {
            var group = groups[i / 5];
            var column = AppealTable.ResultLabels[i % 5];
            cells.Add(new ReportCell($"四|{group}|{column}", "四", group, column, Appeals.Cells[i]));
        }

        return cells;

        // The numbered reasons repeat across sections ("3.其他" exists once, but "1." starts four lists), so a
        // reason's key carries its section.
        string RowKey(string label)
        {
            var section = Applications.Results.FirstOrDefault(s => s.HasReasons && s.Rows.Any(r => r.Label == label));
            return section is null ? label : $"{section.Label}{label}";
        }
    }

    /// <summary>
    /// Several agencies' figures for one year added cell by cell (集约化 roll-up of a subtree): every count of tables
    /// 二, 三 and 四 and section 一's facts. 行政强制 (entered by hand) is the sum of those entered, and stays empty when
    /// no agency entered it.
    /// </summary>
    public static AnnualReportFigures Sum(int year, IEnumerable<AnnualReportFigures> figures)
    {
        var parts = figures.Select(Stored.From).ToList();
        if (parts.FirstOrDefault(p => p.Year != year) is { } other)
        {
            throw new ArgumentException($"不能把{other.Year}年度的数据合计到{year}年度。", nameof(figures));
        }

        int[] Add(Func<Stored, int[]> cells, int length) =>
            [.. Enumerable.Range(0, length).Select(i => parts.Sum(p => cells(p)[i]))];

        var formatYear = parts.Count > 0 ? parts[0].FormatYear : AnnualReportFormat.For(year)?.Year ?? year;
        var enforcements = parts.Where(p => p.Enforcement is not null).Select(p => p.Enforcement!.Value).ToList();
        var sum = new Stored(
            year, formatYear,
            Add(p => p.Rules, 3), Add(p => p.Normative, 3),
            parts.Sum(p => p.Licensing), parts.Sum(p => p.Penalty),
            enforcements.Count == 0 ? null : enforcements.Sum(),
            parts.Sum(p => decimal.Parse(p.FeeAmount, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
            Add(p => p.Received, 6), Add(p => p.CarriedOver, 6),
            RequestOutcomes.All.ToDictionary(o => o.ToString(), o => Add(p => p.Outcomes.TryGetValue(o.ToString(), out var c) ? c : new int[6], 6)),
            Add(p => p.CarriedForward, 6),
            Add(p => p.Appeals, 12),
            [.. parts.SelectMany(p => p.Catalogue).GroupBy(c => c.Code).Select(g => g.First() with { Count = g.Sum(c => c.Count) })],
            [.. parts.SelectMany(p => p.Channels).GroupBy(c => c.Channel).Select(g => g.First() with { Count = g.Sum(c => c.Count) })],
            parts.Sum(p => p.GuidesUpdated),
            parts.Sum(p => p.Interpretations));
        return sum.ToFigures();
    }

    public string ToJson() => JsonSerializer.Serialize(Stored.From(this), JsonOptions);

    public static AnnualReportFigures FromJson(string json) =>
        (JsonSerializer.Deserialize<Stored>(json, JsonOptions) ?? throw new FormatException("年度报告数据为空。")).ToFigures();

    /// <summary>The stored shape: plain arrays of counts in table order, independent of the in-memory types.</summary>
    private sealed record Stored(
        int Year,
        int FormatYear,
        int[] Rules,
        int[] Normative,
        int Licensing,
        int Penalty,
        int? Enforcement,
        string FeeAmount,
        int[] Received,
        int[] CarriedOver,
        Dictionary<string, int[]> Outcomes,
        int[] CarriedForward,
        int[] Appeals,
        CatalogueCount[] Catalogue,
        ChannelCount[] Channels,
        int GuidesUpdated,
        int Interpretations)
    {
        public static Stored From(AnnualReportFigures f) => new(
            f.Year, f.FormatYear,
            [.. f.Proactive.Rules.Cells], [.. f.Proactive.Normative.Cells],
            f.Proactive.Licensing, f.Proactive.Penalty, f.Proactive.Enforcement,
            f.Proactive.FeeAmount.ToString(CultureInfo.InvariantCulture),
            Six(f.Applications.NewApplications.Counts), Six(f.Applications.CarriedOver.Counts),
            RequestOutcomes.All.ToDictionary(o => o.ToString(), o => Six(f.Applications[o])),
            Six(f.Applications.CarriedForward.Counts),
            [.. Four(f.Appeals.Reconsideration), .. Four(f.Appeals.DirectLitigation), .. Four(f.Appeals.LitigationAfterReconsideration)],
            [.. f.Overview.PublishedByCatalogue], [.. f.Overview.PublishedByChannel], f.Overview.GuidesUpdated, f.Overview.Interpretations);

        public AnnualReportFigures ToFigures()
        {
            var outcomes = RequestOutcomes.All.ToDictionary(o => o, o => Outcomes.TryGetValue(o.ToString(), out var cells) ? Counts(cells) : ApplicantCounts.Zero);
            return new AnnualReportFigures(
                Year, FormatYear,
                new ProactiveFigures(new(Rules[0], Rules[1], Rules[2]), new(Normative[0], Normative[1], Normative[2]), Licensing, Penalty, Enforcement,
                    decimal.Parse(FeeAmount, CultureInfo.InvariantCulture)),
                ApplicationTable.FromCounts(Year, Counts(Received), Counts(CarriedOver), outcomes, Counts(CarriedForward)),
                new AppealTable(Year, Appeal(0), Appeal(4), Appeal(8)),
                new OverviewFacts(Catalogue, Channels, GuidesUpdated, Interpretations));
        }

        private AppealCounts Appeal(int offset) => new(Appeals[offset], Appeals[offset + 1], Appeals[offset + 2], Appeals[offset + 3]);

        private static int[] Six(ApplicantCounts c) => [c.NaturalPerson, c.Commercial, c.Research, c.PublicWelfare, c.LegalService, c.Other];

        private static int[] Four(AppealCounts c) => [c.Upheld, c.Corrected, c.Other, c.Pending];

        private static ApplicantCounts Counts(int[] c) => new(c[0], c[1], c[2], c[3], c[4], c[5]);
    }
}

/// <summary>One data cell of a statistical table: its table (二/三/四), row and column labels and value.</summary>
public sealed record ReportCell(string Key, string Table, string Row, string Column, decimal Value)
{
    /// <summary>How a person reads the cell's position: 表三“（一）予以公开”·自然人.</summary>
    public string Describe() => $"表{Table}“{Row}”·{Column}";
}

/// <summary>
/// The cells no record in the system can supply, which the office enters by hand; the report marks them so
/// (“人工填报”). In format 2021 that is 行政强制, until a record type for compulsory measures exists.
/// </summary>
public static class ManualCells
{
    public const string Enforcement = "二|行政强制|本年处理决定数量";

    public const string Mark = "人工填报";

    public static readonly IReadOnlyList<(string Key, string Label)> All = [(Enforcement, "行政强制 · 本年处理决定数量")];

    public static bool IsKnown(string key) => All.Any(c => c.Key == key);
}
