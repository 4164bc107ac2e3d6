using Disclosure.Contents.Review.Models;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Review;

/// <summary>
/// An edit restarts review: a review running on (or approved for) a version the edit archived is superseded, with a
/// 台账 entry saying which version replaced it, so every approval is of exactly the content that goes out.
/// </summary>
internal sealed class ReviewRestartOnEdit(DisclosureDbContext db, LedgerWriter ledger, TimeProvider clock) : IContentEditObserver
{
    public async Task OnEditedAsync(ContentEdit edit, CancellationToken cancellationToken)
    {
        var archivedIds = edit.Archived.Select(v => v.Id).ToList();
        if (archivedIds.Count == 0)
        {
            return;
        }

        var superseded = await db.Set<ReviewRecord>()
            .Where(r => archivedIds.Contains(r.VersionId) && (r.State == ReviewState.InProgress || r.State == ReviewState.Approved))
            .ToListAsync(cancellationToken);
        if (superseded.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var review in superseded)
        {
            review.State = ReviewState.Superseded;
            review.CompletedUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var review in superseded)
        {
            await ledger.AppendAsync(edit.User ?? "system", ReviewLedgerActions.Restart, edit.Item.ContentItemId, review.VersionNumber, review.ContentHash,
                $"第 {review.VersionNumber} 版在审核中被修改为第 {edit.Created.Number} 版，须重新上报审核", cancellationToken);
        }
    }
}
