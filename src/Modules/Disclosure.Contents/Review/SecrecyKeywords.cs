using Disclosure.Contents.Review.Models;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Contents.Review;

/// <summary>
/// The office's own 敏感词 list for the secrecy scan, kept by the 保密审查员. Each change is one transaction with its
/// 台账 entry, so the list never differs from what the 台账 says was added and removed.
/// </summary>
public sealed class SecrecyKeywords(DisclosureDbContext db, LedgerWriter ledger, TimeProvider clock)
{
    /// <summary>The list in keyword order.</summary>
    public async Task<IReadOnlyList<SecrecyKeywordRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<SecrecyKeywordRecord>().AsNoTracking().OrderBy(k => k.Keyword).ToListAsync(cancellationToken);

    /// <summary>The words alone, for the scan a submission runs (read inside the submission's transaction).</summary>
    public async Task<IReadOnlyList<string>> WordsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<SecrecyKeywordRecord>().Select(k => k.Keyword).ToListAsync(cancellationToken);

    public Task<bool> ContainsAsync(string keyword, CancellationToken cancellationToken = default) =>
        db.Set<SecrecyKeywordRecord>().AnyAsync(k => k.Keyword == keyword, cancellationToken);

    /// <summary>Adds <paramref name="keyword"/> (already checked by the caller) and records who added it.</summary>
    public Task<LedgerEntry> AddAsync(string keyword, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            db.Set<SecrecyKeywordRecord>().Add(new SecrecyKeywordRecord { Keyword = keyword, AddedBy = actor, AddedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            return await ledger.AppendAsync(actor, ReviewLedgerActions.KeywordAdded, null, null, null, keyword, cancellationToken);
        }, cancellationToken);

    /// <summary>Removes <paramref name="keyword"/>; records the removal only when the list held it (returns null otherwise).</summary>
    public Task<LedgerEntry?> RemoveAsync(string keyword, string actor, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            var removed = await db.Set<SecrecyKeywordRecord>().Where(k => k.Keyword == keyword).ExecuteDeleteAsync(cancellationToken);
            return removed > 0
                ? await ledger.AppendAsync(actor, ReviewLedgerActions.KeywordRemoved, null, null, null, keyword, cancellationToken)
                : null;
        }, cancellationToken);
}
