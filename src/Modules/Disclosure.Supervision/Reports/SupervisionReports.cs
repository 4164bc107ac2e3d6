using Disclosure.Storage;
using Disclosure.Supervision.Board;
using Disclosure.Supervision.Freshness;
using Disclosure.Supervision.Links;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Supervision.Reports;

/// <summary>Makes the month's 督查督办月报 from the same figures as the board, so the two never disagree.</summary>
public sealed class SupervisionReports(SupervisionBoard board, FreshnessReport freshness, BrokenLinkQuery brokenLinks, DisclosureDbContext db)
{
    public async Task<SupervisionMonthReport> MakeAsync(string? agencyCode, SupervisionPeriod period, CancellationToken cancellationToken)
    {
        var clocks = await board.SummariesAsync(agencyCode, period, cancellationToken);
        var departments = clocks.SelectMany(c => c.Departments)
            .GroupBy(d => d.Department)
            .Select(g => new DepartmentArrears(g.Key, g.First().Label, g.Sum(d => d.Counts.Overdue), g.Sum(d => d.Counts.DoneLate)))
            .Where(d => d.Overdue + d.DoneLate > 0)
            .OrderByDescending(d => d.Overdue + d.DoneLate).ThenBy(d => d.Label, StringComparer.Ordinal)
            .ToList();
        var classes = (await freshness.LoadAsync(agencyCode, cancellationToken))
            .Where(c => c.State is FreshnessState.Stale or FreshnessState.Empty)
            .ToList();
        var links = await BrokenLinksAsync(agencyCode, cancellationToken);
        var agencyName = agencyCode is null
            ? "全部机构"
            : await db.Agencies.AsNoTracking().Where(a => a.Code == agencyCode).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? agencyCode;
        return new SupervisionMonthReport(agencyName, period, board.Today, clocks, departments, classes, links);
    }

    /// <summary>死链 per department, labelled and in the office's order as the board writes its departments.</summary>
    public async Task<IReadOnlyList<DepartmentLinks>> BrokenLinksAsync(string? agencyCode, CancellationToken cancellationToken)
    {
        var names = await board.DepartmentNamesAsync(agencyCode, cancellationToken);
        return (await brokenLinks.CountsByDepartmentAsync(agencyCode, cancellationToken))
            .Select(l => new DepartmentLinks(l.Key, names.Label(l.Key), l.Value))
            .OrderBy(l => names.Position(l.Department)).ThenBy(l => l.Label, StringComparer.Ordinal)
            .ToList();
    }
}
