using Disclosure.Contents.Review.Models;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Review;

/// <summary>A review waiting for the current user, with its deadline.</summary>
public sealed record ReviewTask(long ReviewId, string ContentItemId, string Title, int VersionNumber, string StepName, string SubmittedBy, DateTime SubmittedUtc, DateTime DueUtc, bool Emergency)
{
    public bool IsOverdue(DateTime nowUtc) => nowUtc > DueUtc;
}

/// <summary>An item as listed in the admin: its latest version and, if any, its public one.</summary>
public sealed record ItemOverview(string ContentItemId, string ContentType, string Title, int LatestVersion, ContentStatus LatestStatus, string? LatestBy, DateTime LatestUtc, bool IsPublic, string? IndexNumber);

/// <summary>
/// A returned item waiting for its 信息员 (退回): who returned it at which step, and why. The item stays here until it
/// is submitted again.
/// </summary>
public sealed record ReturnedItem(string ContentItemId, string Title, int VersionNumber, string StepName, string ReturnedBy, string? Opinion, DateTime ReturnedUtc);

/// <summary>What the dashboard shows: my drafts, what waits for my decision, what waits for publication.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "The office's 审核队列: a service that reads the queue of work, not a collection type; renaming it would rename its file and every user for no reader's gain.")]
public sealed class ReviewQueue(DisclosureDbContext db)
{
    public async Task<IReadOnlyList<ReviewTask>> WaitingForAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var open = await db.Set<ReviewRecord>().AsNoTracking()
            .Include(r => r.Item).Include(r => r.Version).Include(r => r.Decisions)
            .Where(r => r.State == ReviewState.InProgress)
            .OrderBy(r => r.CurrentStepSinceUtc)
            .ToListAsync(cancellationToken);
        return open
            .Where(r => WorkflowService.WhyCannotDecide(r, actor) is null)
            .Select(r =>
            {
                var step = r.Chain().Steps[r.CurrentStep];
                return new ReviewTask(r.Id, r.Item.ContentItemId, r.Version.Title, r.VersionNumber, step.DisplayName, r.SubmittedBy,
                    r.SubmittedUtc, r.CurrentStepSinceUtc.AddHours(step.DeadlineHours), r.Emergency);
            })
            .ToList();
    }

    /// <summary>
    /// The items returned to <paramref name="actor"/> (they drafted or submitted the returned version) whose last
    /// review ended in 退回 and that have not been submitted again since.
    /// </summary>
    public async Task<IReadOnlyList<ReturnedItem>> ReturnedToAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var returned = await db.Set<ReviewRecord>().AsNoTracking()
            .Include(r => r.Item).Include(r => r.Version).Include(r => r.Decisions)
            .Where(r => r.State == ReviewState.Returned && (r.SubmittedBy == actor.UserName || r.Version.CreatedBy == actor.UserName))
            .Where(r => !db.Set<ReviewRecord>().Any(later => later.ItemId == r.ItemId && later.Id > r.Id))
            .ToListAsync(cancellationToken);
        return returned
            .Where(r => ContentAccess.MaySee(actor, r.Item))
            .Select(r =>
            {
                var decision = r.Decisions.Where(d => d.Decision == ReviewDecision.Returned).OrderByDescending(d => d.Id).First();
                var step = r.Chain().Steps.ElementAtOrDefault(decision.StepIndex)?.DisplayName ?? decision.StepName;
                return new ReturnedItem(r.Item.ContentItemId, r.Version.Title, r.VersionNumber, step, decision.UserName, decision.Opinion, decision.DecidedUtc);
            })
            .OrderByDescending(r => r.ReturnedUtc)
            .ToList();
    }

    public Task<List<ItemOverview>> DraftsOfAsync(string userName, CancellationToken cancellationToken = default) =>
        Overview(db.ContentVersions.Where(v => v.Number == v.Item.LatestVersionNumber && v.Status == ContentStatus.Draft && v.CreatedBy == userName))
            .ToListAsync(cancellationToken);

    public Task<List<ItemOverview>> ReadyToPublishAsync(Actor actor, CancellationToken cancellationToken = default) =>
        Overview(db.ContentVersions.VisibleTo(actor).Where(v => v.Status == ContentStatus.Approved || v.Status == ContentStatus.Scheduled))
            .ToListAsync(cancellationToken);

    /// <summary>Every item <paramref name="actor"/> may see (<see cref="ContentAccess"/>) by its latest version, newest first, optionally of one type or status.</summary>
    public async Task<(List<ItemOverview> Items, int Total)> ItemsAsync(Actor actor, string? contentType, ContentStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.ContentVersions.VisibleTo(actor).Where(v => v.Number == v.Item.LatestVersionNumber);
        if (contentType is not null)
        {
            query = query.Where(v => v.ContentType == contentType);
        }

        if (status is not null)
        {
            query = query.Where(v => v.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await Overview(query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }

    private static IQueryable<ItemOverview> Overview(IQueryable<ContentVersionRecord> versions) =>
        versions.AsNoTracking()
            .OrderByDescending(v => v.CreatedUtc).ThenByDescending(v => v.Id)
            .Select(v => new ItemOverview(v.Item.ContentItemId, v.ContentType, v.Title, v.Number, v.Status, v.CreatedBy, v.CreatedUtc,
                v.Item.Versions.Any(p => p.Status == ContentStatus.Published), v.Item.IndexNumber));
}
