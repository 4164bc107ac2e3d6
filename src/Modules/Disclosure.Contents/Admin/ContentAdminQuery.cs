using Disclosure.Contents.Review.Models;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Admin;

/// <summary>
/// What the content admin pages read about one item: the item with its versions, its latest version, the versions
/// compared, and its review. Read only, without tracking; changes go through <c>ContentManager</c> and <c>WorkflowService</c>.
/// Department isolation is not applied here: every page asks <see cref="ItemAccess"/> first.
/// </summary>
public sealed class ContentAdminQuery(DisclosureDbContext db)
{
    /// <summary>The item by its public id, without its versions; null when there is none.</summary>
    public Task<ContentItemRecord?> FindAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);

    /// <summary>The item by its public id with all its versions (in no particular order); null when there is none.</summary>
    public Task<ContentItemRecord?> WithVersionsAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.AsNoTracking().Include(i => i.Versions).SingleOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);

    /// <summary>The public id of the item with database id <paramref name="itemId"/> (as a version names its item).</summary>
    public Task<string> ContentItemIdAsync(long itemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.Where(i => i.Id == itemId).Select(i => i.ContentItemId).SingleAsync(cancellationToken);

    /// <summary>The item's latest version.</summary>
    public Task<ContentVersionRecord> LatestVersionAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentVersions.AsNoTracking().Where(v => v.Item.ContentItemId == contentItemId && v.Number == v.Item.LatestVersionNumber).SingleAsync(cancellationToken);

    /// <summary>The title of <paramref name="item"/>'s latest version.</summary>
    public Task<string> LatestTitleAsync(ContentItemRecord item, CancellationToken cancellationToken = default) =>
        db.ContentVersions.Where(v => v.ItemId == item.Id && v.Number == item.LatestVersionNumber).Select(v => v.Title).SingleAsync(cancellationToken);

    /// <summary>The item's versions numbered <paramref name="first"/> and <paramref name="second"/> (those that exist).</summary>
    public async Task<List<ContentVersionRecord>> VersionsAsync(string contentItemId, int first, int second, CancellationToken cancellationToken = default) =>
        await db.ContentVersions.AsNoTracking()
            .Where(v => v.Item.ContentItemId == contentItemId && (v.Number == first || v.Number == second))
            .ToListAsync(cancellationToken);

    /// <summary>The item's review shown on its page: the newest one not superseded, with its decisions and findings.</summary>
    public Task<ReviewRecord?> CurrentReviewAsync(long itemId, CancellationToken cancellationToken = default) =>
        db.Set<ReviewRecord>().AsNoTracking().Include(r => r.Item).Include(r => r.Version).Include(r => r.Decisions).Include(r => r.Findings)
            .Where(r => r.ItemId == itemId && r.State != ReviewState.Superseded)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The id of the item's review in progress, the one a decision is about; null when none is.</summary>
    public Task<long?> ReviewInProgressAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.Set<ReviewRecord>().Where(r => r.Item.ContentItemId == contentItemId && r.State == ReviewState.InProgress)
            .OrderByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
}
