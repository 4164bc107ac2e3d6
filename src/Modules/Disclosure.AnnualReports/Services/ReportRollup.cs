using System.Text.Json;
using Disclosure.AnnualReports.Data;
using Disclosure.AnnualReports.Models;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.AnnualReports.Services;

/// <summary>One agency's own figures within a roll-up, with its place in the tree.</summary>
public sealed record AgencyFigures(string Code, string Name, int Depth, AnnualReportFigures Figures);

/// <summary>A parent agency's subtree for one year: each agency's own figures and their cell-by-cell sum.</summary>
public sealed record ReportRollupResult(string AgencyCode, string AgencyName, int Year, AnnualReportFigures Total, IReadOnlyList<AgencyFigures> Agencies);

/// <summary>
/// 集约化 roll-up (汇总): the figures of a parent agency and every agency below it, each computed from its own
/// records as its own report computes them (<see cref="ReportStatistics.ComputeAsync"/>), then summed cell by cell.
/// Always live from the records, like a draft's 重新统计; the 行政强制 cell (entered by hand) is taken from each
/// agency's draft of that year when it has one.
/// </summary>
public sealed class ReportRollup(DisclosureDbContext db, ReportStatistics statistics, AgencyDirectory agencies)
{
    /// <summary>The roll-up of <paramref name="agencyCode"/>'s subtree, or null when the agency does not exist.</summary>
    public async Task<ReportRollupResult?> ComputeAsync(string agencyCode, int year, CancellationToken cancellationToken = default)
    {
        var tree = await agencies.TreeAsync(cancellationToken);
        if (tree.Find(agencyCode) is not { } root)
        {
            return null;
        }

        var codes = tree.SubtreeCodes(agencyCode);
        var manual = await db.Set<AnnualReportRecord>().AsNoTracking()
            .Where(r => r.Year == year && codes.Contains(r.AgencyCode))
            .Select(r => new { r.AgencyCode, r.ManualJson })
            .ToDictionaryAsync(r => r.AgencyCode, r => r.ManualJson, cancellationToken);

        var parts = new List<AgencyFigures>();
        foreach (var code in codes)
        {
            var node = tree.Find(code)!;
            var figures = await statistics.ComputeAsync(code, year, cancellationToken);
            if (manual.TryGetValue(code, out var json))
            {
                figures = figures.WithManualValues(JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? []);
            }

            parts.Add(new AgencyFigures(code, node.Name, node.Depth - root.Depth, figures));
        }

        return new ReportRollupResult(root.Code, root.Name, year, AnnualReportFigures.Sum(year, parts.Select(p => p.Figures)), parts);
    }

    /// <summary>
    /// The breakdown as one sheet: a row per data cell of tables 二, 三 and 四 (表, 行, 列), a column per agency and the
    /// 合计 last — which agency contributed what, cell by cell.
    /// </summary>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<string?[]> Rows) Breakdown(ReportRollupResult rollup)
    {
        var headers = new List<string> { "表", "行", "列" };
        headers.AddRange(rollup.Agencies.Select(a => a.Name));
        headers.Add("合计");
        var perAgency = rollup.Agencies.Select(a => a.Figures.Cells().ToDictionary(c => c.Key, c => c.Value)).ToList();
        var rows = rollup.Total.Cells()
            .Select(total => (string?[])[
                $"表{total.Table}", total.Row, total.Column,
                .. perAgency.Select(cells => cells.TryGetValue(total.Key, out var value) ? ReportTables.Number(value) : string.Empty),
                ReportTables.Number(total.Value),
            ])
            .ToList();
        return (headers, rows);
    }
}
