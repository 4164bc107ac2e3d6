using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Ledger;

/// <summary>
/// Appends to the 信息发布台账 inside the caller's transaction. The sequence comes from a counter row whose lock
/// is held until commit, so the previous row is always committed (or written earlier in this same
/// transaction) when its hash is read: the chain never forks.
/// </summary>
public sealed class LedgerWriter(DisclosureDbContext db, TimeProvider clock)
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public async Task<LedgerEntry> AppendAsync(
        string actor,
        string action,
        string? contentItemId,
        int? versionNumber,
        string? contentHash,
        string? detail,
        CancellationToken cancellationToken,
        DateTime? occurredUtc = null)
    {
        var sequence = await Counters.NextAsync(db, "ledger", cancellationToken);
        var previous = sequence == 1
            ? GenesisHash
            : await db.Ledger.Where(e => e.Sequence == sequence - 1).Select(e => e.Hash).SingleAsync(cancellationToken);

        var entry = new LedgerEntry
        {
            Sequence = sequence,
            // Milliseconds only, so the value (and the hash over it) survives every engine's timestamp precision.
            OccurredUtc = TruncateToMilliseconds(occurredUtc ?? clock.GetUtcNow().UtcDateTime),
            Actor = actor,
            Action = action,
            ContentItemId = contentItemId,
            VersionNumber = versionNumber,
            ContentHash = contentHash,
            Detail = detail,
            PreviousHash = previous,
            Hash = string.Empty,
        };
        entry.Hash = ComputeHash(entry);
        db.Ledger.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    public static string ComputeHash(LedgerEntry entry)
    {
        var text = string.Join('\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(entry.OccurredUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.ContentItemId ?? string.Empty,
            entry.VersionNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            entry.ContentHash ?? string.Empty,
            entry.Detail ?? string.Empty,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
