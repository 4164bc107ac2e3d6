using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Ledger;

/// <summary>The head of the 台账 at the end of one day (Beijing time): its last entry.</summary>
public sealed record DailyHead(DateOnly Date, long Sequence, string Hash)
{
    public LedgerHead Head => new(Sequence, Hash);
}

/// <summary>
/// The daily heads the public page and the signed export publish. Once a head is out of the office's hands, the
/// ledger can no longer be cut back or rewritten before it without <c>verify-ledger --head</c> noticing.
/// </summary>
public sealed class LedgerHeads(DisclosureDbContext db)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Newest day first; <paramref name="days"/> limits how many days are listed (null: all of them).</summary>
    public async Task<IReadOnlyList<DailyHead>> DailyAsync(int? days, CancellationToken cancellationToken)
    {
        var heads = new List<DailyHead>();
        // Newest first: the first entry seen of each day is its head. Only three narrow columns are read.
        var entries = db.Ledger.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.OccurredUtc, e.Hash });
        await foreach (var entry in entries.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var date = DateOnly.FromDateTime(DateTime.SpecifyKind(entry.OccurredUtc, DateTimeKind.Utc) + Beijing);
            if (heads.Count > 0 && heads[^1].Date <= date)
            {
                continue;
            }

            if (heads.Count == days)
            {
                break;
            }

            heads.Add(new DailyHead(date, entry.Sequence, entry.Hash));
        }

        return heads;
    }
}
