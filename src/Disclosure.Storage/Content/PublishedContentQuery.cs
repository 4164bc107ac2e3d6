using Disclosure.Core.ContentManagement;
using Disclosure.Core.Paging;
using Disclosure.Core.Time;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Replicas;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Content;

/// <summary>Filters for listing published content. A catalogue code matches that class and every class below it.</summary>
/// <summary>A public list's filters; <see cref="Agencies"/> null lists every agency's items (全部).</summary>
public sealed record PublishedContentFilter(string? ContentType = null, string? Catalogue = null, IReadOnlyCollection<string>? Agencies = null, int? Year = null);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>A published version with its item (for the 索引号).</summary>
public sealed record PublishedContent(ContentItemRecord Item, ContentVersionRecord Version);

/// <summary>
/// Read side over published content: what anonymous readers, the API and followers may see. Reads from a standby
/// when one has caught up with what this node has seen (<see cref="PublicReadDatabase"/>), else from the primary.
/// </summary>
public sealed class PublishedContentQuery(PublicReadDatabase reads)
{
    public Task<PagedResult<PublishedContent>> ListAsync(PublishedContentFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        return reads.ReadAsync<PagedResult<PublishedContent>>(async db =>
        {
            var query = db.ContentVersions.AsNoTracking().Where(v => v.Status == ContentStatus.Published);
            if (filter.ContentType is { } type)
            {
                query = query.Where(v => v.ContentType == type);
            }

            if (filter.Catalogue is { } catalogue)
            {
                var prefix = catalogue + ".";
                query = query.Where(v => v.CatalogueCode == catalogue || v.CatalogueCode!.StartsWith(prefix));
            }

            query = OfAgencies(query, filter.Agencies);

            if (filter.Year is { } year)
            {
                // 发布年度 in Beijing time, as a range so the index on PublishedUtc is used.
                var from = ChinaTime.StartOfYearUtc(year);
                var to = ChinaTime.StartOfYearUtc(year + 1);
                query = query.Where(v => v.PublishedUtc >= from && v.PublishedUtc < to);
            }

            var total = await query.CountAsync(cancellationToken);
            var rows = await query
                .OrderByDescending(v => v.PublishedUtc).ThenByDescending(v => v.Id)
                .Skip(PageLimits.Offset(page, pageSize)).Take(pageSize)
                .Include(v => v.Item)
                .ToListAsync(cancellationToken);
            return new PagedResult<PublishedContent>(rows.Select(v => new PublishedContent(v.Item, v)).ToList(), total, page, pageSize);
        }, cancellationToken);
    }

    /// <summary>
    /// How many published items each of <paramref name="classes"/> holds, with every class below it (what its listing
    /// shows as the total), optionally of <paramref name="agencies"/> only, from one grouped query: the home page shows
    /// a count per top class and the 第二十条 coverage one per mapped class, where a count query per class cost more
    /// than the rest of the page together.
    /// </summary>
    public Task<IReadOnlyDictionary<string, int>> CountByCatalogueAsync(
        IEnumerable<string> classes, IReadOnlyCollection<string>? agencies = null, CancellationToken cancellationToken = default)
    {
        return reads.ReadAsync<IReadOnlyDictionary<string, int>>(async db =>
        {
            var published = db.ContentVersions.AsNoTracking().Where(v => v.Status == ContentStatus.Published && v.CatalogueCode != null);
            var own = await OfAgencies(published, agencies)
                .GroupBy(v => v.CatalogueCode!)
                .Select(g => new { Code = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return classes.Distinct(StringComparer.Ordinal).ToDictionary(
                code => code,
                code => own.Where(c => c.Code == code || c.Code.StartsWith(code + ".", StringComparison.Ordinal)).Sum(c => c.Count),
                StringComparer.Ordinal);
        }, cancellationToken);
    }

    /// <summary>Versions of the given agencies only (null: every agency's).</summary>
    private static IQueryable<ContentVersionRecord> OfAgencies(IQueryable<ContentVersionRecord> query, IReadOnlyCollection<string>? agencies) =>
        agencies switch
        {
            null => query,
            { Count: 1 } => query.Where(v => v.AgencyCode == agencies.First()),
            _ => query.Where(v => agencies.Contains(v.AgencyCode!)),
        };

    /// <summary>The published version of an item, or its withdrawn version (for the notice), or null.</summary>
    public Task<PublishedContent?> FindPublicAsync(string contentItemId, CancellationToken cancellationToken = default)
    {
        return reads.ReadAsync<PublishedContent?>(async db =>
        {
            var version = await db.ContentVersions.AsNoTracking()
                .Include(v => v.Item)
                .Where(v => v.Item.ContentItemId == contentItemId && (v.Status == ContentStatus.Published || v.Status == ContentStatus.Withdrawn))
                .OrderByDescending(v => v.Status == ContentStatus.Published).ThenByDescending(v => v.Number)
                .FirstOrDefaultAsync(cancellationToken);
            if (version is null)
            {
                return null;
            }

            // An item withdrawn and later published again shows the new publication, never the old notice.
            return new PublishedContent(version.Item, version);
        }, cancellationToken);
    }

    /// <summary>The published version, with its item, of each of the given items that is public now, keyed by 内容 id.</summary>
    public async Task<Dictionary<string, ContentVersionRecord>> PublishedVersionsAsync(IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken = default)
    {
        if (contentItemIds.Count == 0)
        {
            return [];
        }

        return await reads.ReadAsync<Dictionary<string, ContentVersionRecord>>(async db =>
        {
            // Narrowed by item only, the status filtered here: with the ids sent as one list parameter, SQLite's planner
            // cannot size the list and, given the status too, walks every published version through the status index
            // instead — seconds per call, minutes per search-index batch at a million items. Items have few versions.
            var versions = await db.ContentVersions.AsNoTracking().Include(v => v.Item)
                .Where(v => contentItemIds.Contains(v.Item.ContentItemId))
                .ToListAsync(cancellationToken);
            return versions.Where(v => v.Status == ContentStatus.Published).ToDictionary(v => v.Item.ContentItemId);
        }, cancellationToken);
    }

    /// <summary>Change-log entries after <paramref name="since"/>, oldest first.</summary>
    public Task<IReadOnlyList<ChangeLogEntry>> ChangesAsync(long since, int limit, CancellationToken cancellationToken = default)
    {
        return reads.ReadAsync<IReadOnlyList<ChangeLogEntry>>(async db =>
        {
            return await db.ChangeLog.AsNoTracking()
                .Where(e => e.Sequence > since)
                .OrderBy(e => e.Sequence)
                .Take(limit)
                .ToListAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Published items per 发布机构, by one GROUP BY (the portal's counts).</summary>
    public Task<IReadOnlyDictionary<string, int>> PublishedCountsByAgencyAsync(CancellationToken cancellationToken = default)
    {
        return reads.ReadAsync<IReadOnlyDictionary<string, int>>(async db =>
        {
            return await db.ContentVersions.AsNoTracking()
                .Where(v => v.Status == ContentStatus.Published && v.AgencyCode != null)
                .GroupBy(v => v.AgencyCode!)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, string>> AgencyNamesAsync(CancellationToken cancellationToken = default)
    {
        return reads.ReadAsync<IReadOnlyDictionary<string, string>>(async db =>
        {
            return await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        }, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, string>> CatalogueNamesAsync(CancellationToken cancellationToken = default)
    {
        return reads.ReadAsync<IReadOnlyDictionary<string, string>>(async db =>
        {
            return await db.CatalogueClasses.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        }, cancellationToken);
    }
}
