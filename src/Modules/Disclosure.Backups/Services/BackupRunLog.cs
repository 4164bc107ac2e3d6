using Disclosure.Backups.Data;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Backups.Services;

/// <summary>The <c>BackupRuns</c> table: claims of scheduled slots, and the outcome of every backup for the dashboard.</summary>
public sealed class BackupRunLog(DisclosureDbContext db, TimeProvider clock)
{
    /// <summary>How long an unfinished run may have been going before the dashboard counts it as failed (its process died).</summary>
    public static readonly TimeSpan RunningTooLong = TimeSpan.FromHours(12);

    /// <summary>Claims a scheduled slot: the new run, or null when another node (or an earlier start) already has it.</summary>
    public async Task<BackupRun?> ClaimAsync(string slot, CancellationToken cancellationToken)
    {
        if (await db.Set<BackupRun>().AnyAsync(r => r.Slot == slot, cancellationToken))
        {
            return null;
        }

        var run = new BackupRun { Slot = slot, Node = Environment.MachineName, StartedUtc = clock.GetUtcNow().UtcDateTime };
        db.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return run;
        }
        catch (DbUpdateException)
        {
            // The unique slot: another node inserted it between the look and the insert.
            db.ChangeTracker.Clear();
            return null;
        }
    }

    public async Task FinishAsync(BackupRun run, BackupResult? result, string? error, CancellationToken cancellationToken)
    {
        run.FinishedUtc = clock.GetUtcNow().UtcDateTime;
        run.Succeeded = result is not null;
        run.ArchiveName = result is null ? null : Path.GetFileName(result.ArchivePath);
        run.SizeBytes = result?.SizeBytes;
        run.Error = error is { Length: > 2000 } ? error[..2000] : error;
        if (db.Entry(run).State == EntityState.Detached)
        {
            db.Add(run);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a command-line run, which claims no slot, once it is over.</summary>
    public Task RecordAsync(DateTime startedUtc, BackupResult? result, string? error, CancellationToken cancellationToken) =>
        FinishAsync(new BackupRun { Node = Environment.MachineName, StartedUtc = startedUtc }, result, error, cancellationToken);

    /// <summary>The dashboard's view: the last successful run and the last run of any outcome.</summary>
    public async Task<BackupStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var runs = db.Set<BackupRun>().AsNoTracking();
        var lastSuccess = await runs.Where(r => r.Succeeded).OrderByDescending(r => r.FinishedUtc).FirstOrDefaultAsync(cancellationToken);
        var latest = await runs.OrderByDescending(r => r.StartedUtc).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return new BackupStatus(lastSuccess, latest, clock.GetUtcNow().UtcDateTime);
    }
}

/// <summary>What the dashboard says about backups.</summary>
public sealed record BackupStatus(BackupRun? LastSuccess, BackupRun? Latest, DateTime NowUtc)
{
    /// <summary>How old the last good backup may be before the dashboard warns.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(48);

    /// <summary>The latest run failed, or died (unfinished for longer than a run takes).</summary>
    public bool LatestFailed => Latest is { } run
        && (run.FinishedUtc is null ? NowUtc - run.StartedUtc > BackupRunLog.RunningTooLong : !run.Succeeded);

    public bool TooOld => LastSuccess?.FinishedUtc is not { } finished || NowUtc - finished > MaxAge;

    public bool Warn => LatestFailed || TooOld;
}
