using System.Security.Cryptography;
using System.Text;
using Disclosure.Contents;
using Disclosure.Contents.Items;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Supervision.Links;

/// <summary>What one call of <see cref="LinkChecker.RunOnceAsync"/> did.</summary>
public enum LinkCheckPass
{
    /// <summary>No run was open, or another node holds it.</summary>
    Idle,

    /// <summary>The run went through to the last item; the pass is complete.</summary>
    Finished,

    /// <summary>The run stopped at the link limit; the next run continues after its cursor.</summary>
    StoppedAtLimit,

    /// <summary>Another node took the run over (this node's lease had lapsed); what this node saved stays.</summary>
    LostLease,
}

/// <summary>
/// 死链检查: works the open <see cref="LinkCheckRun"/> item by item — the published version of each, in id order after
/// the run's cursor — checking internal links and attachments by look-up (<see cref="InternalLinkResolver"/>) and
/// allowed external links over HTTP (<see cref="ExternalLinkProbe"/>), and saving each item's broken links with the
/// cursor in one transaction. An external URL met in several items is requested once per run.
/// </summary>
public sealed class LinkChecker(
    DisclosureDbContext db,
    LinkCheckRuns runs,
    ItemPageBuilder pages,
    InternalLinkResolver internalLinks,
    ExternalLinkProbe external,
    IOptions<LinkCheckOptions> options,
    IOptions<PublicUrlOptions> publicUrl,
    TimeProvider clock)
{
    private const int BatchSize = 20;

    public static string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Queues the scheduled run when due, claims the open run, and works it to its end or the link limit.</summary>
    public async Task<LinkCheckPass> RunOnceAsync(string node, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await runs.ScheduleDueAsync(settings.Interval, cancellationToken);
        if (await runs.ClaimAsync(node, settings.Lease, cancellationToken) is not { } run)
        {
            return LinkCheckPass.Idle;
        }

        try
        {
            var pass = await WorkAsync(run, node, settings, cancellationToken);
            if (pass != LinkCheckPass.LostLease)
            {
                await runs.FinishAsync(run, node, pass == LinkCheckPass.StoppedAtLimit, null, cancellationToken);
            }

            return pass;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Closed with its error, so the page says so and the schedule goes on; what was saved stays.
            await runs.FinishAsync(run, node, stoppedAtLimit: true, $"检查中断：{ex.Message}", CancellationToken.None);
            throw;
        }
    }

    private async Task<LinkCheckPass> WorkAsync(LinkCheckRun run, string node, LinkCheckOptions settings, CancellationToken cancellationToken)
    {
        var extractor = new LinkExtractor(Uri.TryCreate(publicUrl.Value.PublicUrl, UriKind.Absolute, out var root) ? root : null);
        var externalResults = new Dictionary<string, Task<LinkVerdict>>(StringComparer.Ordinal);
        var linksThisRun = 0;
        while (true)
        {
            var versions = await db.ContentVersions.AsNoTracking().Include(v => v.Item)
                .Where(v => v.Status == ContentStatus.Published && v.ItemId > run.Cursor)
                .OrderBy(v => v.ItemId).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (versions.Count == 0)
            {
                await ForgetUnseenAsync(run, cancellationToken);
                return LinkCheckPass.Finished;
            }

            foreach (var version in versions)
            {
                var page = await pages.BuildAsync(version.Item, version, previewNote: null, cancellationToken);
                var links = extractor.Extract(page);
                var verdicts = new List<(FoundLink Link, LinkVerdict Verdict)>();
                foreach (var link in links.Where(l => l.Kind != LinkKind.External))
                {
                    verdicts.Add((link, await internalLinks.CheckAsync(link.Url, cancellationToken)));
                }

                var outside = links.Where(l => l.Kind == LinkKind.External)
                    .Select(l => (Link: l, Task: externalResults.TryGetValue(l.Url, out var known) ? known : externalResults[l.Url] = external.CheckAsync(l.Url, cancellationToken)))
                    .ToList();
                await Task.WhenAll(outside.Select(o => o.Task));
                verdicts.AddRange(outside.Select(o => (o.Link, o.Task.Result)));

                run.Cursor = version.ItemId;
                run.ItemsChecked++;
                run.LinksChecked += verdicts.Count(v => v.Verdict.Outcome != LinkOutcome.NotChecked);
                run.LinksSkipped += verdicts.Count(v => v.Verdict.Outcome == LinkOutcome.NotChecked);
                if (!await SaveAsync(run, node, settings, version.Item.ContentItemId, version.Item.AgencyCode, version.Item.DepartmentCode, verdicts, cancellationToken))
                {
                    return LinkCheckPass.LostLease;
                }

                linksThisRun += links.Count;
                if (linksThisRun >= settings.MaxLinksPerRun)
                {
                    return LinkCheckPass.StoppedAtLimit;
                }
            }
        }
    }

    /// <summary>The item's broken links replace its old ones, and the run's cursor moves past it, together or not at all.</summary>
    private async Task<bool> SaveAsync(
        LinkCheckRun run, string node, LinkCheckOptions settings, string itemId, string agency, string? department,
        List<(FoundLink Link, LinkVerdict Verdict)> verdicts, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InTransactionAsync(() => SaveItemAsync(run, node, settings, itemId, agency, department, verdicts, cancellationToken), cancellationToken);
        }
        catch (LeaseLostException)
        {
            return false;
        }
    }

    private async Task<bool> SaveItemAsync(
        LinkCheckRun run, string node, LinkCheckOptions settings, string itemId, string agency, string? department,
        List<(FoundLink Link, LinkVerdict Verdict)> verdicts, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var broken = verdicts.Where(v => v.Verdict.Outcome == LinkOutcome.Broken).ToDictionary(v => Hash(v.Link.Url));
        var existing = await db.Set<BrokenLink>().Where(l => l.ContentItemId == itemId).ToListAsync(cancellationToken);
        foreach (var row in existing)
        {
            if (broken.Remove(row.UrlHash, out var still))
            {
                (row.StatusCode, row.Reason, row.LastCheckedUtc, row.AgencyCode, row.DepartmentCode, row.LinkText, row.Kind) =
                    (still.Verdict.StatusCode, still.Verdict.Reason!, now, agency, department, still.Link.Text, still.Link.Kind);
            }
            else
            {
                db.Remove(row); // fixed, or no longer in the item
            }
        }

        foreach (var (hash, (link, verdict)) in broken)
        {
            db.Add(new BrokenLink
            {
                ContentItemId = itemId,
                AgencyCode = agency,
                DepartmentCode = department,
                Url = link.Url,
                UrlHash = hash,
                LinkText = link.Text,
                Kind = link.Kind,
                StatusCode = verdict.StatusCode,
                Reason = verdict.Reason!,
                FirstSeenUtc = now,
                LastCheckedUtc = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!await runs.AdvanceAsync(run, node, settings.Lease, cancellationToken))
        {
            throw new LeaseLostException();
        }

        return true;
    }

    /// <summary>
    /// At the end of a pass, rows not checked during it belong to items no longer published (withdrawn, replaced by a
    /// version without the link): they go. The 死链 page already hides them, by the same rule, until then.
    /// </summary>
    private Task<int> ForgetUnseenAsync(LinkCheckRun run, CancellationToken cancellationToken) =>
        db.Set<BrokenLink>().Where(l => l.LastCheckedUtc < run.PassStartedUtc).ExecuteDeleteAsync(cancellationToken);

    public static string Hash(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));

    private sealed class LeaseLostException : Exception;
}
