using Disclosure.Core.ContentManagement;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Disclosure.Supervision.Board;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Supervision.Links;

/// <summary>One item with its broken links, for the 死链 page.</summary>
public sealed record BrokenLinkItem(string ContentItemId, string Title, string AgencyCode, string? DepartmentCode, IReadOnlyList<BrokenLink> Links);

/// <summary>
/// The read side of the checker's results: the 死链 page's list and the per-department counts for the supervision board
/// and the monthly report. Only items still published count — a withdrawn item's rows wait for the end of the pass to
/// be deleted, and must not show meanwhile.
/// </summary>
public sealed class BrokenLinkQuery(DisclosureDbContext db)
{
    /// <summary>
    /// Broken links per department (an item without one counts under a null department) of one agency, or of every
    /// agency when <paramref name="agencyCode"/> is null — for the supervision board and the monthly report.
    /// </summary>
    public async Task<IReadOnlyDictionary<DepartmentKey, int>> CountsByDepartmentAsync(string? agencyCode, CancellationToken cancellationToken = default)
    {
        var counts = await Current(agencyCode)
            .GroupBy(l => new { l.AgencyCode, l.DepartmentCode })
            .Select(g => new { g.Key.AgencyCode, g.Key.DepartmentCode, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => new DepartmentKey(c.AgencyCode, string.IsNullOrEmpty(c.DepartmentCode) ? null : c.DepartmentCode), c => c.Count);
    }

    /// <summary>The items with broken links the actor may see (their agency's; every agency's for installation staff), by department.</summary>
    public async Task<IReadOnlyList<BrokenLinkItem>> ListAsync(Actor actor, string? department, CancellationToken cancellationToken = default)
    {
        var links = Current(null).VisibleTo(actor);
        if (!string.IsNullOrEmpty(department))
        {
            links = links.Where(l => l.DepartmentCode == department);
        }

        var rows = await links.OrderBy(l => l.ContentItemId).ThenBy(l => l.Url).Take(5000).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ContentItemId).Distinct().ToList();
        var titles = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Status == ContentStatus.Published && ids.Contains(v.Item.ContentItemId))
            .Select(v => new { v.Item.ContentItemId, v.Title })
            .ToDictionaryAsync(v => v.ContentItemId, v => v.Title, cancellationToken);
        return rows.GroupBy(r => r.ContentItemId)
            .Select(g => new BrokenLinkItem(g.Key, titles.GetValueOrDefault(g.Key, g.Key), g.First().AgencyCode, g.First().DepartmentCode, g.ToList()))
            .OrderBy(i => i.DepartmentCode).ThenBy(i => i.Title, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The departments the actor may filter by (code → name; their agency's, or every agency's for installation staff).</summary>
    public async Task<IReadOnlyDictionary<string, string>> DepartmentsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var departments = db.Departments.AsNoTracking();
        if (actor.AgencyCode is { } own)
        {
            departments = departments.Where(d => d.AgencyCode == own);
        }

        var rows = await departments.OrderBy(d => d.AgencyCode).ThenBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken);
        return rows.GroupBy(d => d.Code).ToDictionary(g => g.Key, g => g.First().Name);
    }

    private IQueryable<BrokenLink> Current(string? agencyCode)
    {
        var links = db.Set<BrokenLink>().AsNoTracking()
            .Where(l => db.ContentVersions.Any(v => v.Item.ContentItemId == l.ContentItemId && v.Status == ContentStatus.Published));
        return agencyCode is null ? links : links.Where(l => l.AgencyCode == agencyCode);
    }
}
