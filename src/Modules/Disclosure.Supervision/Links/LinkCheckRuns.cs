using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Supervision.Links;

/// <summary>
/// The <c>LinkCheckRuns</c> table: queueing a run (on schedule or 立即检查), one node's claim on the open run, and the
/// last runs for the 死链 page. Several nodes may share the database: the unique open marker keeps one run open, and a
/// conditional update on its lease lets exactly one node work it at a time.
/// </summary>
public sealed class LinkCheckRuns(DisclosureDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The open run, if any.</summary>
    public Task<LinkCheckRun?> OpenAsync(CancellationToken cancellationToken) =>
        db.Set<LinkCheckRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Open == LinkCheckRun.OpenMarker, cancellationToken);

    /// <summary>The latest finished run, for the page's “上次检查”.</summary>
    public Task<LinkCheckRun?> LastFinishedAsync(CancellationToken cancellationToken) =>
        db.Set<LinkCheckRun>().AsNoTracking().Where(r => r.FinishedUtc != null).OrderByDescending(r => r.FinishedUtc).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// 立即检查: queues a fresh pass from the first item. False when a run is already open (queued or under way): its
    /// results come soon enough, and two passes at once would only ask every host twice.
    /// </summary>
    public Task<bool> RequestAsync(string user, CancellationToken cancellationToken) =>
        InsertAsync(new LinkCheckRun { Open = LinkCheckRun.OpenMarker, RequestedBy = user, CreatedUtc = Now, PassStartedUtc = Now }, cancellationToken);

    /// <summary>
    /// Queues the scheduled run when none is open and the last one was created at least <paramref name="interval"/> ago.
    /// A run that stopped at the link limit is continued: the new run starts after its cursor, in the same pass.
    /// </summary>
    public async Task<bool> ScheduleDueAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var last = await db.Set<LinkCheckRun>().AsNoTracking().OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (last is not null && (last.Open is not null || last.CreatedUtc + interval > Now))
        {
            return false;
        }

        var run = new LinkCheckRun { Open = LinkCheckRun.OpenMarker, CreatedUtc = Now, PassStartedUtc = Now };
        if (last is { StoppedAtLimit: true })
        {
            (run.Cursor, run.PassStartedUtc) = (last.Cursor, last.PassStartedUtc);
        }

        return await InsertAsync(run, cancellationToken);
    }

    /// <summary>Takes the open run for <paramref name="node"/> if nobody holds it (or the holder's lease ran out): the run, or null.</summary>
    public async Task<LinkCheckRun?> ClaimAsync(string node, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now;
        var until = now + lease;
        var claimed = await db.Set<LinkCheckRun>()
            .Where(r => r.Open == LinkCheckRun.OpenMarker && (r.LeaseUntilUtc == null || r.LeaseUntilUtc < now || r.Node == node))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Node, node).SetProperty(r => r.LeaseUntilUtc, until)
                .SetProperty(r => r.StartedUtc, r => r.StartedUtc ?? now), cancellationToken);
        return claimed == 0 ? null : await db.Set<LinkCheckRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Open == LinkCheckRun.OpenMarker && r.Node == node, cancellationToken);
    }

    /// <summary>
    /// Saves progress after an item, in the caller's transaction with the item's results, and renews the lease. False when
    /// the node no longer holds the run (its lease lapsed and another node took it): the caller rolls back and stops.
    /// </summary>
    public async Task<bool> AdvanceAsync(LinkCheckRun run, string node, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = Now + lease;
        return await db.Set<LinkCheckRun>()
            .Where(r => r.Id == run.Id && r.Open == LinkCheckRun.OpenMarker && r.Node == node)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Cursor, run.Cursor).SetProperty(r => r.LeaseUntilUtc, until)
                .SetProperty(r => r.ItemsChecked, run.ItemsChecked).SetProperty(r => r.LinksChecked, run.LinksChecked)
                .SetProperty(r => r.LinksSkipped, run.LinksSkipped), cancellationToken) == 1;
    }

    /// <summary>Closes the run; a new one may then be queued.</summary>
    public async Task FinishAsync(LinkCheckRun run, string node, bool stoppedAtLimit, string? error, CancellationToken cancellationToken)
    {
        var now = Now;
        error = error is { Length: > 2000 } ? error[..2000] : error;
        await db.Set<LinkCheckRun>()
            .Where(r => r.Id == run.Id && r.Open == LinkCheckRun.OpenMarker && r.Node == node)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Open, (string?)null).SetProperty(r => r.FinishedUtc, now).SetProperty(r => r.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(r => r.StoppedAtLimit, stoppedAtLimit).SetProperty(r => r.Error, error), cancellationToken);
    }

    private async Task<bool> InsertAsync(LinkCheckRun run, CancellationToken cancellationToken)
    {
        if (await db.Set<LinkCheckRun>().AnyAsync(r => r.Open == LinkCheckRun.OpenMarker, cancellationToken))
        {
            return false;
        }

        db.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique open marker: another node (or request) opened a run between the look and the insert.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
