namespace Disclosure.Storage.Entities;

/// <summary>
/// One row of the 信息发布台账: who did what to which version, when. Append-only; each row carries the hash of
/// the row before it, so altering or removing any row breaks the chain from there on. <see cref="Hash"/> is an
/// HMAC-SHA256 under the 台账 key named by <see cref="KeyId"/>, a key kept outside the database; rows written before
/// the ledger was keyed have no key id and a plain SHA-256.
/// </summary>
public sealed class LedgerEntry
{
    public long Sequence { get; set; }
    public DateTime OccurredUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? ContentItemId { get; set; }
    public int? VersionNumber { get; set; }
    public string? ContentHash { get; set; }
    /// <summary>The opinion, reason or other detail of the action.</summary>
    public string? Detail { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
    /// <summary>The id of the key <see cref="Hash"/> was computed with; null for a legacy (unkeyed) row.</summary>
    public string? KeyId { get; set; }
}
