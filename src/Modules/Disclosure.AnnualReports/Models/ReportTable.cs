using System.Globalization;
using Disclosure.Requests.Statistics;
namespace Disclosure.AnnualReports.Models;

/// <summary>One cell of a laid-out table: text, spans, and whether it is a heading or a figure (and one entered by hand).</summary>
public sealed record LayoutCell(string Text, int ColSpan = 1, int RowSpan = 1, bool Heading = false, bool Figure = false, bool Manual = false)
{
    /// <summary>The text as printed: a figure the office entered by hand carries the mark （人工填报）.</summary>
    public string Display => Manual && Text.Length > 0 && char.IsDigit(Text[0]) ? $"{Text}（{ManualCells.Mark}）" : Text;
}

/// <summary>
/// A statistical table laid out as the official format prints it — merged heading cells included — so the DOCX
/// and HTML renderers draw the same grid from one description. Each row lists only the cells that start in it;
/// a cell spanning rows occupies the columns below it.
/// </summary>
public sealed record ReportTable(string Title, int ColumnCount, IReadOnlyList<IReadOnlyList<LayoutCell>> Rows);

/// <summary>Lays out tables 二, 三 and 四 of format 2021 from a report's figures.</summary>
public static class ReportTables
{
    public static IReadOnlyList<ReportTable> Build(AnnualReportFigures figures) =>
        [Proactive(figures.Proactive), Applications(figures.Applications), Appeals(figures.Appeals)];

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static LayoutCell H(string text, int colSpan = 1, int rowSpan = 1) => new(text, colSpan, rowSpan, Heading: true);

    private static LayoutCell N(decimal value, int colSpan = 1) => new(Number(value), colSpan, Figure: true);

    /// <summary>
    /// Table 二: four blocks, each headed by its article (第二十条第（一）项 …) and a 信息内容 heading row. Four columns:
    /// 信息内容 and the three document counts; the single-figure blocks span their figure over three columns.
    /// </summary>
    public static ReportTable Proactive(ProactiveFigures p)
    {
        var rows = new List<IReadOnlyList<LayoutCell>>
        {
            new[] { H(ProactiveTableLabels.Article20Item1, 4) },
            new[] { H(ProactiveTableLabels.ContentColumn), H(ProactiveTableLabels.DocumentColumns[0]), H(ProactiveTableLabels.DocumentColumns[1]), H(ProactiveTableLabels.DocumentColumns[2]) },
            new[] { H(ProactiveTableLabels.Rules), N(p.Rules.Issued), N(p.Rules.Abolished), N(p.Rules.InForce) },
            new[] { H(ProactiveTableLabels.Normative), N(p.Normative.Issued), N(p.Normative.Abolished), N(p.Normative.InForce) },
            new[] { H(ProactiveTableLabels.Article20Item5, 4) },
            new[] { H(ProactiveTableLabels.ContentColumn), H(ProactiveTableLabels.DecisionColumn, 3) },
            new[] { H(ProactiveTableLabels.Licensing), N(p.Licensing, 3) },
            new[] { H(ProactiveTableLabels.Article20Item6, 4) },
            new[] { H(ProactiveTableLabels.ContentColumn), H(ProactiveTableLabels.DecisionColumn, 3) },
            new[] { H(ProactiveTableLabels.Penalty), N(p.Penalty, 3) },
            new[]
            {
                H(ProactiveTableLabels.Enforcement),
                p.Enforcement is { } enforcement
                    ? new LayoutCell(Number(enforcement), 3, Figure: true, Manual: true)
                    : new LayoutCell("（待填报）", 3, Figure: true, Manual: true),
            },
            new[] { H(ProactiveTableLabels.Article20Item8, 4) },
            new[] { H(ProactiveTableLabels.ContentColumn), H(ProactiveTableLabels.FeeColumn, 3) },
            new[] { H(ProactiveTableLabels.Fees), N(p.FeeAmount, 3) },
        };
        return new ReportTable(ProactiveTableLabels.Title, 4, rows);
    }

    /// <summary>
    /// Table 三: three label columns (三、本年度办理结果 spans the 22 result rows; （三）…（六）span their reasons) and
    /// seven figure columns under 申请人情况 / 自然人 · 法人或其他组织（five kinds）· 总计.
    /// </summary>
    public static ReportTable Applications(ApplicationTable t)
    {
        var organisations = ApplicationTable.ColumnLabels.Skip(1).Take(5).ToList();
        var rows = new List<IReadOnlyList<LayoutCell>>
        {
            new[] { H(ApplicationTable.ConsistencyNote, 3, 3), H(ApplicationTable.ApplicantBand, 7) },
            new[] { H(ApplicationTable.ColumnLabels[0], 1, 2), H(ApplicationTable.OrganisationBand, 5), H(ApplicationTable.ColumnLabels[6], 1, 2) },
            organisations.Select(o => H(o)).ToArray(),
        };

        IEnumerable<LayoutCell> Figures(ApplicantCounts counts) => counts.Cells.Select(c => N(c));

        rows.Add([H(t.NewApplications.Label, 3), .. Figures(t.NewApplications.Counts)]);
        rows.Add([H(t.CarriedOver.Label, 3), .. Figures(t.CarriedOver.Counts)]);
        var resultRows = t.Results.Sum(s => s.Rows.Count) + 1;
        var first = true;
        foreach (var section in t.Results)
        {
            var sectionFirst = true;
            foreach (var row in section.Rows)
            {
                var cells = new List<LayoutCell>();
                if (first)
                {
                    cells.Add(H(ApplicationTable.ResultsLabel, 1, resultRows));
                    first = false;
                }

                if (!section.HasReasons)
                {
                    cells.Add(H(row.Label, 2));
                }
                else
                {
                    if (sectionFirst)
                    {
                        cells.Add(H(section.Label, 1, section.Rows.Count));
                    }

                    cells.Add(H(row.Label));
                }

                sectionFirst = false;
                cells.AddRange(Figures(row.Counts));
                rows.Add(cells);
            }
        }

        rows.Add([H(t.ResultsTotal.Label, 2), .. Figures(t.ResultsTotal.Counts)]);
        rows.Add([H(t.CarriedForward.Label, 3), .. Figures(t.CarriedForward.Counts)]);
        return new ReportTable(ApplicationTable.Title, 10, rows);
    }

    /// <summary>Table 四: 行政复议 (five results) and 行政诉讼 split into 未经复议直接起诉 and 复议后起诉 (five each); one data row.</summary>
    public static ReportTable Appeals(AppealTable t)
    {
        var results = AppealTable.ResultLabels;
        IReadOnlyList<LayoutCell> bands = [H(AppealTableLabels.Reconsideration, 5), H(AppealTableLabels.Litigation, 10)];
        IReadOnlyList<LayoutCell> groups = [.. results.Select(r => H(r, 1, 2)), H(AppealTableLabels.DirectLitigation, 5), H(AppealTableLabels.LitigationAfterReconsideration, 5)];
        IReadOnlyList<LayoutCell> litigationResults = [.. results.Select(r => H(r)), .. results.Select(r => H(r))];
        IReadOnlyList<LayoutCell> figures = [.. t.Cells.Select(c => N(c))];
        IReadOnlyList<IReadOnlyList<LayoutCell>> rows = [bands, groups, litigationResults, figures];
        return new ReportTable(AppealTable.Title, 15, rows);
    }
}
