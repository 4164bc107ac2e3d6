using System.Globalization;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Site.Caching;

/// <summary>
/// The version of everything the public can see: the change log's last sequence and the <see cref="PublicRevision"/>
/// (双公示 records, settings, the calendar and every other public read model outside the change log), plus the China
/// date (pages show 公示期 and 有效性 relative to today) and the build. Every cache key and ETag of a public response
/// includes it, so a publish, update or withdrawal anywhere makes every cached page and validator stale at once.
/// </summary>
/// <remarks>
/// A change made on this node is signalled synchronously at commit, before the publishing request returns, so
/// the next request here re-reads the head; a change made on another node is signalled when its notification
/// arrives (PostgreSQL, <see cref="ChangeListener"/>), and picked up by <see cref="ContentVersionFollower"/> within
/// its polling interval in any case.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A singleton for the life of the process; the semaphore is only awaited and released, so it never allocates a wait handle and Dispose would free nothing, while a request still running at shutdown would meet a disposed lock.")]
public sealed class PublicContentVersion
{
    private static readonly string Build = typeof(PublicContentVersion).Assembly.ManifestModule.ModuleVersionId.ToString("n")[..8];

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _current;
    private long _pulses;
    private volatile TokenOf? _token;

    public PublicContentVersion(IServiceScopeFactory scopes, ChangeSignal signal, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        signal.Changed += () => Interlocked.Increment(ref _pulses);
    }

    private sealed record TokenOf(Snapshot Snapshot, DateOnly Day, string Value);

    /// <summary>The last change-log sequence, the public revision and when the later of the two happened.</summary>
    public sealed record Snapshot(long Sequence, long Revision, DateTime LastChangeUtc)
    {
        /// <summary>How many changes had been signalled when this was read; a later signal makes it stale.</summary>
        internal long ReadAtPulse { get; init; }
    }

    /// <summary>Changes signalled so far, here or announced by other nodes (for diagnostics and tests).</summary>
    public long Pulses => Interlocked.Read(ref _pulses);

    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is not { } current || current.ReadAtPulse != Interlocked.Read(ref _pulses))
        {
            await RefreshAsync(cancellationToken);
        }

        return _current!;
    }

    /// <summary>Re-reads the change log's head and the public revision; returns whether either moved.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Captured before reading: a change signalled while the query runs leaves this snapshot stale.
            var pulses = Interlocked.Read(ref _pulses);
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            var log = await db.ChangeLog.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.OccurredUtc }).FirstOrDefaultAsync(cancellationToken);
            var revision = await db.PublicRevisions.AsNoTracking().Where(r => r.Id == PublicRevision.RowId)
                .Select(r => new { r.Revision, r.ChangedUtc }).FirstOrDefaultAsync(cancellationToken);
            var logChanged = log?.OccurredUtc ?? DateTime.UnixEpoch;
            var revisionChanged = revision?.ChangedUtc ?? DateTime.UnixEpoch;
            var head = new Snapshot(log?.Sequence ?? 0, revision?.Revision ?? 0, logChanged > revisionChanged ? logChanged : revisionChanged);
            var moved = _current is null || _current.Sequence != head.Sequence || _current.Revision != head.Revision;
            _current = head with { ReadAtPulse = pulses };
            return moved;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The part of every cache key and ETag that changes with content, the day and the build.</summary>
    public string Token(Snapshot snapshot)
    {
        // Every cached answer needs it, so the last one is kept until the version or the day moves.
        var today = Today;
        if (_token is { } last && ReferenceEquals(last.Snapshot, snapshot) && last.Day == today)
        {
            return last.Value;
        }

        var token = string.Create(CultureInfo.InvariantCulture, $"{snapshot.Sequence}.{snapshot.Revision}-{today:yyyyMMdd}-{Build}");
        _token = new TokenOf(snapshot, today, token);
        return token;
    }

    public DateOnly Today => ChinaTime.ToDate(_clock.GetUtcNow().UtcDateTime);

    /// <summary>Last-Modified: the later of the last change (content or any public read model such as 站点设置) and the start of today (the day changes what pages say).</summary>
    public DateTimeOffset LastModified(Snapshot snapshot)
    {
        var startOfToday = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var changed = new DateTimeOffset(DateTime.SpecifyKind(snapshot.LastChangeUtc, DateTimeKind.Utc));
        return changed > startOfToday ? changed : startOfToday;
    }
}
