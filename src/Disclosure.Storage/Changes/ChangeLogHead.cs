using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Changes;

/// <summary>
/// How far this node has seen the public data: the change log's last sequence and the <see cref="PublicRevision"/>,
/// as last read from the primary. Read again once a change has been signalled (a commit here, a notification from
/// another node, a follower's poll), so a node's own writes are always within what it has seen. The public page cache
/// keys on it, and a read replica must have replayed at least this much before it may answer this node's reads.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A singleton for the life of the process; the semaphore is only awaited and released, so it never allocates a wait handle and Dispose would free nothing, while a request still running at shutdown would meet a disposed lock.")]
public sealed class ChangeLogHead
{
    private readonly IServiceScopeFactory _scopes;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Position? _current;
    private long _pulses;

    public ChangeLogHead(IServiceScopeFactory scopes, ChangeSignal signal)
    {
        _scopes = scopes;
        signal.Changed += () => Interlocked.Increment(ref _pulses);
    }

    /// <summary>The last change-log sequence, the public revision and when the later of the two happened.</summary>
    public sealed record Position(long Sequence, long Revision, DateTime LastChangeUtc)
    {
        /// <summary>How many changes had been signalled when this was read; a later signal makes it stale.</summary>
        internal long ReadAtPulse { get; init; }

        /// <summary>Whether a database at this position holds everything one at <paramref name="other"/> does.</summary>
        public bool Covers(Position other) => Sequence >= other.Sequence && Revision >= other.Revision;
    }

    /// <summary>Changes signalled so far, here or announced by other nodes (for diagnostics and tests).</summary>
    public long Pulses => Interlocked.Read(ref _pulses);

    public async ValueTask<Position> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is not { } current || current.ReadAtPulse != Interlocked.Read(ref _pulses))
        {
            await RefreshAsync(onlyIfStale: true, cancellationToken);
        }

        return _current!;
    }

    /// <summary>Re-reads the head from the primary; returns whether it moved.</summary>
    public Task<bool> RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(onlyIfStale: false, cancellationToken);

    private async Task<bool> RefreshAsync(bool onlyIfStale, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Captured before reading: a change signalled while the query runs leaves this position stale.
            var pulses = Interlocked.Read(ref _pulses);
            if (onlyIfStale && _current is { } current && current.ReadAtPulse == pulses)
            {
                // Another request re-read it while this one waited for the lock.
                return false;
            }

            await using var scope = _scopes.CreateAsyncScope();
            var head = await ReadAsync(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>(), cancellationToken);
            var moved = _current is null || _current.Sequence != head.Sequence || _current.Revision != head.Revision;
            _current = head with { ReadAtPulse = pulses };
            return moved;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The position of the database <paramref name="db"/> is connected to (the primary or a standby).</summary>
    public static async Task<Position> ReadAsync(DisclosureDbContext db, CancellationToken cancellationToken)
    {
        var log = await db.ChangeLog.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.OccurredUtc }).FirstOrDefaultAsync(cancellationToken);
        var revision = await db.PublicRevisions.AsNoTracking().Where(r => r.Id == PublicRevision.RowId)
            .Select(r => new { r.Revision, r.ChangedUtc }).FirstOrDefaultAsync(cancellationToken);
        var logChanged = log?.OccurredUtc ?? DateTime.UnixEpoch;
        var revisionChanged = revision?.ChangedUtc ?? DateTime.UnixEpoch;
        return new Position(log?.Sequence ?? 0, revision?.Revision ?? 0, logChanged > revisionChanged ? logChanged : revisionChanged);
    }
}
