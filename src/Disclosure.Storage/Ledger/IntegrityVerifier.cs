using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Ledger;

/// <summary>One thing found wrong by <see cref="IntegrityVerifier"/>, in zh-CN.</summary>
public sealed record IntegrityProblem(string Subject, string Message);

/// <summary>
/// Checks the ledger's hash chain and that every published version still matches both its own recorded hash
/// and the hash the ledger recorded when it was published. Anything changed behind the application's back
/// shows up here.
/// </summary>
public sealed class IntegrityVerifier(DisclosureDbContext db)
{
    public async Task<IReadOnlyList<IntegrityProblem>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<IntegrityProblem>();
        var expectedPrevious = LedgerWriter.GenesisHash;
        long expectedSequence = 1;
        var publishedHashes = new Dictionary<(string, int), string>();

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
            }

            if (LedgerWriter.ComputeHash(entry) != entry.Hash)
            {
                problems.Add(new(subject, "记录内容与其哈希值不符，该条记录可能被篡改。"));
            }

            if (entry.Action is LedgerActions.Publish or LedgerActions.EmergencyPublish && entry.ContentItemId is { } id && entry.VersionNumber is { } number && entry.ContentHash is { } hash)
            {
                publishedHashes[(id, number)] = hash;
            }

            expectedPrevious = entry.Hash;
            expectedSequence = entry.Sequence + 1;
        }

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
