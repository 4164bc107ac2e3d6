using Disclosure.Storage;
using Disclosure.Storage.Content;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Supervision.Coverage;

/// <summary>Where an item of 第二十条 stands in the 目录.</summary>
public enum CoverageState
{
    /// <summary>Mapped to classes holding published information.</summary>
    Covered,

    /// <summary>Mapped, but none of its classes holds anything published yet (空栏目).</summary>
    Empty,

    /// <summary>Marked 不适用 with a reason.</summary>
    NotApplicable,

    /// <summary>Neither mapped nor marked 不适用: the 目录 does not cover it.</summary>
    Uncovered,
}

/// <summary>One class an item maps to, with the published items in it and below it (of the agency when one is asked for).</summary>
public sealed record CoverageClass(string Code, string Name, int Published);

public sealed record CoverageLine(StatuteItem Item, CoverageEntry Entry, IReadOnlyList<CoverageClass> Classes, CoverageState State);

/// <summary>The coverage view: the fifteen items with their classes and counts, or 不适用 and its reason, flagged when uncovered.</summary>
public sealed class CoverageQuery(DisclosureDbContext db, CoverageStore store, PublishedContentQuery published)
{
    public async Task<IReadOnlyList<CoverageLine>> ReportAsync(string? agencyCode, CancellationToken cancellationToken = default)
    {
        var mapping = await store.LoadAsync(agencyCode, cancellationToken);
        var names = await db.CatalogueClasses.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        // A class counts its own items and those of the classes below it.
        var counts = await published.CountByCatalogueAsync(
            StatuteItems.All.SelectMany(item => mapping[item.Number].Classes), agencyCode is null ? null : [agencyCode], cancellationToken);

        return StatuteItems.All.Select(item =>
        {
            var entry = mapping[item.Number];
            var classes = entry.Classes.Select(c => new CoverageClass(c, names.GetValueOrDefault(c, c), counts[c])).ToList();
            var state = entry.NotApplicable ? CoverageState.NotApplicable
                : classes.Count == 0 ? CoverageState.Uncovered
                : classes.Any(c => c.Published > 0) ? CoverageState.Covered
                : CoverageState.Empty;
            return new CoverageLine(item, entry, classes, state);
        }).ToList();
    }
}
