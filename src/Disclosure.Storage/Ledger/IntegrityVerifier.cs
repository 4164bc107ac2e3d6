using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Ledger;

/// <summary>One thing found wrong by <see cref="IntegrityVerifier"/>, in zh-CN.</summary>
public sealed record IntegrityProblem(string Subject, string Message);

/// <summary>
/// Checks every link of the 台账: the sequence, each row's chain to the one before, each row's MAC under its key
/// (legacy rows: their SHA-256, and only before the point where the ledger was keyed), the heads published
/// earlier, and that every published version still matches both its own recorded hash and the hash the ledger
/// recorded when it was published. Anything changed behind the application's back shows up here; without the
/// key, nobody can recompute the chain so that it passes.
/// </summary>
public sealed class IntegrityVerifier(DisclosureDbContext db, LedgerKeyRing keys)
{
    public Task<IReadOnlyList<IntegrityProblem>> VerifyAsync(CancellationToken cancellationToken = default) =>
        VerifyAsync([], cancellationToken);

    /// <param name="publishedHeads">Heads published earlier (the public page, a signed export): each must still be in the ledger.</param>
    public async Task<IReadOnlyList<IntegrityProblem>> VerifyAsync(IReadOnlyCollection<LedgerHead> publishedHeads, CancellationToken cancellationToken = default)
    {
        var problems = new List<IntegrityProblem>();
        var legacyHead = keys.LegacyHead;
        var heads = publishedHeads.Select(h => (Head: h, Source: "已公布的链头")).ToList();
        if (legacyHead is { Sequence: > 0 })
        {
            // The unkeyed part of an upgraded site is pinned by the keyed row chained onto it, and by this head.
            heads.Add((legacyHead, "启用台账密钥时记录的链头"));
        }

        var expectedPrevious = LedgerWriter.GenesisHash;
        long expectedSequence = 1;
        var publishedHashes = new Dictionary<(string, int), string>();
        var seenHashes = new Dictionary<long, string>();
        var brokenLinks = new List<(long Sequence, string PreviousHash)>();

        await foreach (var entry in db.Ledger.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var subject = $"台账第 {entry.Sequence} 条";
            if (entry.Sequence != expectedSequence)
            {
                problems.Add(new(subject, $"序号不连续：应为第 {expectedSequence} 条，台账记录可能被删除。"));
            }

            if (entry.PreviousHash != expectedPrevious)
            {
                problems.Add(new(subject, "前一条记录的哈希值不符，台账链条在此处断开。"));
                brokenLinks.Add((entry.Sequence, entry.PreviousHash));
            }

            problems.AddRange(CheckMac(entry, subject, legacyHead));
            if (heads.Any(h => h.Head.Sequence == entry.Sequence))
            {
                seenHashes[entry.Sequence] = entry.Hash;
            }

            if (entry.Action is LedgerActions.Publish or LedgerActions.EmergencyPublish && entry.ContentItemId is { } id && entry.VersionNumber is { } number && entry.ContentHash is { } hash)
            {
                publishedHashes[(id, number)] = hash;
            }

            expectedPrevious = entry.Hash;
            expectedSequence = entry.Sequence + 1;
        }

        // A row that chains onto a later row was moved: a swap, not just a break. Looked up after the scan,
        // as one connection reads one result at a time.
        foreach (var (sequence, previousHash) in brokenLinks.Take(100))
        {
            if (await SequenceOfAsync(previousHash, cancellationToken) is { } follows && follows >= sequence)
            {
                problems.Add(new($"台账第 {sequence} 条", $"序号被调换：本条记录原本接在第 {follows} 条之后。"));
            }
        }

        foreach (var (head, source) in heads.Where(h => h.Head.Sequence > 0))
        {
            var subject = $"{source}（第 {head.Sequence} 条）";
            if (!seenHashes.TryGetValue(head.Sequence, out var actual))
            {
                problems.Add(new(subject, "台账中已没有这一条记录：台账可能被截断。"));
            }
            else if (!string.Equals(actual, head.Hash, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new(subject, "台账中这一条记录的哈希值与公布的不符：台账可能被改写。"));
            }
        }

        problems.AddRange(await CheckPublishedVersionsAsync(publishedHashes, cancellationToken));
        return problems;
    }

    private IEnumerable<IntegrityProblem> CheckMac(LedgerEntry entry, string subject, LedgerHead? legacyHead)
    {
        if (entry.KeyId is null)
        {
            if (legacyHead is not null && entry.Sequence > legacyHead.Sequence)
            {
                yield return new(subject, $"本条记录没有用台账密钥签署，而台账自第 {legacyHead.Sequence + 1} 条起已启用密钥：记录可能被不持有密钥的人改写。");
            }
            else if (LedgerWriter.ComputeHash(entry) != entry.Hash)
            {
                yield return new(subject, "记录内容与其哈希值不符，该条记录可能被篡改。");
            }

            yield break;
        }

        if (keys.Find(entry.KeyId) is not { } key)
        {
            yield return new(subject, $"本条记录使用的台账密钥“{entry.KeyId}”不在密钥目录或配置中，无法校验。");
        }
        else if (LedgerWriter.ComputeMac(entry, key) != entry.Hash)
        {
            yield return new(subject, "记录内容与其哈希值不符，该条记录可能被篡改。");
        }
    }

    /// <summary>Which row carries this hash, for telling a swap from a plain break; only asked when a link is broken.</summary>
    private async Task<long?> SequenceOfAsync(string hash, CancellationToken cancellationToken) =>
        await db.Ledger.AsNoTracking().Where(e => e.Hash == hash).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(cancellationToken);

    private async Task<List<IntegrityProblem>> CheckPublishedVersionsAsync(Dictionary<(string, int), string> publishedHashes, CancellationToken cancellationToken)
    {
        var problems = new List<IntegrityProblem>();
        var published = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Status == ContentStatus.Published)
            .Select(v => new { v.Item.ContentItemId, v.Number, v.ContentType, v.DataJson, v.ContentHash })
            .ToListAsync(cancellationToken);
        foreach (var version in published)
        {
            var subject = $"内容“{version.ContentItemId}”第 {version.Number} 版";
            if (ContentData.Parse(version.DataJson).ComputeHash(version.ContentType) != version.ContentHash)
            {
                problems.Add(new(subject, "已发布内容与其记录的哈希值不符，内容可能被篡改。"));
            }

            if (!publishedHashes.TryGetValue((version.ContentItemId, version.Number), out var recorded))
            {
                problems.Add(new(subject, "台账中没有该版本的发布记录。"));
            }
            else if (recorded != version.ContentHash)
            {
                problems.Add(new(subject, "已发布内容的哈希值与台账发布记录不符。"));
            }
        }

        return problems;
    }
}
