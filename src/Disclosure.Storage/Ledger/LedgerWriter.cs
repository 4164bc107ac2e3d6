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
/// transaction) when its hash is read: the chain never forks. Each row is MACed with the current 台账 key; when the
/// key changed since the previous row, a 密钥轮换 row is written first, so every rotation is on the record.
/// </summary>
public sealed class LedgerWriter(DisclosureDbContext db, TimeProvider clock, LedgerKeyRing keys)
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Who a row the ledger writes about itself (a key rotation noticed on append) is attributed to.</summary>
    public const string SystemActor = "system";

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
        if (!keys.HasKeys && await db.Ledger.AnyAsync(e => e.KeyId != null, cancellationToken))
        {
            // A database restored or copied without its keys folder: a fresh key "1" would be a different key under
            // the same id, and every earlier row would fail verification for good. Refuse and say how to recover.
            throw new InvalidOperationException(
                $"台账中已有以密钥签名的记录，但 {keys.Folder} 中没有任何台账密钥，配置中也没有 Ledger:Keys。" +
                "请先把原站点的密钥文件（ledger-*.key）放回该目录（或配置 Ledger:KeysFolder），再启动站点；" +
                "若密钥确已丢失，请在配置中加入新密钥 Ledger:Keys:<新编号> 并设 Ledger:CurrentKeyId 为该编号，此前的记录将在 verify-ledger 中报告为无法核对。");
        }

        var keyId = keys.CurrentKeyId;
        var (sequence, previous) = await NextAsync(cancellationToken);
        if (previous.KeyId is { } previousKey && previousKey != keyId && action != LedgerActions.KeyRotated)
        {
            // The key was switched outside the application (configuration, a key file copied in): record it.
            await WriteAsync(sequence, previous.Hash, keyId, SystemActor, LedgerActions.KeyRotated, null, null, null,
                KeyRotationDetail(previousKey, keyId), occurredUtc, cancellationToken);
            (sequence, previous) = await NextAsync(cancellationToken);
        }

        return await WriteAsync(sequence, previous.Hash, keyId, actor, action, contentItemId, versionNumber, contentHash, detail, occurredUtc, cancellationToken);
    }

    /// <summary>
    /// Makes a new key current and records the rotation, MACed with the new key and chained onto the last row of
    /// the old one. The old key stays in the ring: the rows it MACed are verified with it.
    /// </summary>
    public async Task<LedgerEntry> RotateKeyAsync(string actor, CancellationToken cancellationToken)
    {
        var previousKey = keys.CurrentKeyId;
        var newKey = keys.CreateNextKey();
        return await AppendAsync(actor, LedgerActions.KeyRotated, null, null, null, KeyRotationDetail(previousKey, newKey), cancellationToken);
    }

    /// <summary>The legacy hash of rows written before the ledger was keyed: SHA-256 of the row's fields.</summary>
    public static string ComputeHash(LedgerEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(entry))));

    /// <summary>The MAC of a keyed row: HMAC-SHA256 under the row's key over its fields and the key id.</summary>
    public static string ComputeMac(LedgerEntry entry, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(CanonicalText(entry) + '\u001f' + entry.KeyId)));

    private async Task<(long Sequence, (string Hash, string? KeyId) Previous)> NextAsync(CancellationToken cancellationToken)
    {
        var sequence = await Counters.NextAsync(db, "ledger", cancellationToken);
        if (sequence == 1)
        {
            return (sequence, (GenesisHash, null));
        }

        var previous = await db.Ledger.Where(e => e.Sequence == sequence - 1).Select(e => new { e.Hash, e.KeyId }).SingleAsync(cancellationToken);
        return (sequence, (previous.Hash, previous.KeyId));
    }

    private async Task<LedgerEntry> WriteAsync(
        long sequence, string previousHash, string keyId, string actor, string action, string? contentItemId, int? versionNumber,
        string? contentHash, string? detail, DateTime? occurredUtc, CancellationToken cancellationToken)
    {
        // Where the keyed chain starts, kept beside the keys: from here on a row without a key id is a rewrite.
        keys.RecordLegacyHead(new LedgerHead(sequence - 1, previousHash));
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
            PreviousHash = previousHash,
            KeyId = keyId,
            Hash = string.Empty,
        };
        entry.Hash = ComputeMac(entry, keys.Find(keyId)!);
        db.Ledger.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    private static string KeyRotationDetail(string from, string to) => $"台账密钥由“{from}”更换为“{to}”。";

    private static string CanonicalText(LedgerEntry entry) => string.Join('\u001f',
        entry.Sequence.ToString(CultureInfo.InvariantCulture),
        DateTime.SpecifyKind(entry.OccurredUtc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        entry.Actor,
        entry.Action,
        entry.ContentItemId ?? string.Empty,
        entry.VersionNumber?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        entry.ContentHash ?? string.Empty,
        entry.Detail ?? string.Empty,
        entry.PreviousHash);

    private static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
