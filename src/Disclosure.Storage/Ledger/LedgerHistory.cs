using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Ledger;

/// <summary>
/// What the 台账 holds about one subject (a content item's id, or a module's subject such as <c>account:张三</c>), for
/// the history every admin details page shows beside the record.
/// </summary>
public sealed class LedgerHistory(DisclosureDbContext db)
{
    /// <summary>Every entry about <paramref name="subject"/>, oldest first.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> OfAsync(string subject, CancellationToken cancellationToken = default) =>
        await db.Ledger.AsNoTracking().Where(e => e.ContentItemId == subject).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    /// <summary>The newest <paramref name="count"/> entries about <paramref name="subject"/>, newest first.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> LatestOfAsync(string subject, int count, CancellationToken cancellationToken = default) =>
        await db.Ledger.AsNoTracking().Where(e => e.ContentItemId == subject).OrderByDescending(e => e.Sequence).Take(count).ToListAsync(cancellationToken);
}
