using Disclosure.Storage.Changes;
using Disclosure.Storage.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Disclosure.Storage.Replicas;

/// <summary>
/// Chooses where a public read goes (<see cref="StorageOptions.ReadReplicas"/>): a hot standby that has replayed at
/// least the <see cref="ChangeLogHead"/> this node has seen, so no page or answer is older than what this node has
/// published or shown; otherwise the primary. Standbys are taken in turn.
/// </summary>
/// <remarks>
/// What each standby has replayed is read from the standby itself (its own change-log head and public revision), in
/// the background so no request waits on a standby: when it was behind, again after <see cref="BehindRecheck"/>;
/// when it had caught up, every <see cref="CaughtUpRecheck"/>; when it could not be reached or failed a read, not
/// before <see cref="DownRecheck"/>, its reads going to the primary meanwhile.
/// </remarks>
public sealed partial class ReadReplicaSelector
{
    public static readonly TimeSpan BehindRecheck = TimeSpan.FromMilliseconds(25);
    public static readonly TimeSpan CaughtUpRecheck = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DownRecheck = TimeSpan.FromSeconds(2);

    // A standby that does not answer must not hold a check for Npgsql's default fifteen seconds.
    private const int ConnectTimeoutSeconds = 2;

    private readonly Standby[] _standbys;
    private readonly ChangeLogHead _head;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReadReplicaSelector> _logger;
    private long _turn;
    private long _standbyReads;
    private long _primaryReads;

    public ReadReplicaSelector(StorageOptions options, IEnumerable<IDisclosureModule> modules, ChangeLogHead head, TimeProvider clock, ILogger<ReadReplicaSelector> logger)
    {
        _head = head;
        _clock = clock;
        _logger = logger;
        var installed = modules.ToList();
        _standbys = options.Provider != DatabaseProvider.PostgreSQL
            ? []
            : options.ReadReplicas.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => new Standby(OptionsFor(c, installed))).ToArray();
    }

    /// <summary>Reads given to a standby since start (diagnostics and tests).</summary>
    public long StandbyReads => Interlocked.Read(ref _standbyReads);

    /// <summary>Reads that went to the primary although standbys are configured: none had caught up, or none answered.</summary>
    public long PrimaryReads => Interlocked.Read(ref _primaryReads);

    /// <summary>The options of a standby that covers what this node has seen, or null: read from the primary.</summary>
    public async ValueTask<DbContextOptions<DisclosureDbContext>?> ChooseAsync(CancellationToken cancellationToken)
    {
        if (_standbys.Length == 0)
        {
            return null;
        }

        var seen = await _head.GetAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcTicks;
        var first = (int)((ulong)Interlocked.Increment(ref _turn) % (ulong)_standbys.Length);
        DbContextOptions<DisclosureDbContext>? chosen = null;
        for (var i = 0; i < _standbys.Length; i++)
        {
            var standby = _standbys[(first + i) % _standbys.Length];
            var covers = standby.Replayed?.Covers(seen) == true;
            CheckIfDue(standby, covers, now);
            if (covers && chosen is null)
            {
                chosen = standby.Options;
            }
        }

        Interlocked.Increment(ref chosen is null ? ref _primaryReads : ref _standbyReads);
        return chosen;
    }

    /// <summary>
    /// Whether the standby chosen earlier still covers what this node has seen: a scope that outlives a change (the
    /// link check, a batch) must not go on reading a standby that has not replayed it.
    /// </summary>
    public async ValueTask<bool> StillCoversAsync(DbContextOptions<DisclosureDbContext> options, CancellationToken cancellationToken)
    {
        var seen = await _head.GetAsync(cancellationToken);
        foreach (var standby in _standbys)
        {
            if (ReferenceEquals(standby.Options, options))
            {
                return standby.Replayed?.Covers(seen) == true;
            }
        }

        return false;
    }

    /// <summary>A read on the standby failed (it went down, or cancelled the query to replay): primary until a check finds it answering.</summary>
    public void Failed(DbContextOptions<DisclosureDbContext> options, Exception exception)
    {
        foreach (var standby in _standbys.Where(s => ReferenceEquals(s.Options, options)))
        {
            lock (standby)
            {
                standby.Failures++;
                standby.Replayed = null;
                Interlocked.Exchange(ref standby.NextCheckTicks, _clock.GetUtcNow().UtcTicks + DownRecheck.Ticks);
            }
        }

        LogStandbyFailed(_logger, exception);
    }

    private void CheckIfDue(Standby standby, bool covers, long now)
    {
        // Not due, nearly always: decided without the lock, on every request's path.
        if (now < Interlocked.Read(ref standby.NextCheckTicks))
        {
            return;
        }

        int failures;
        lock (standby)
        {
            if (now < standby.NextCheckTicks || standby.Checking)
            {
                return;
            }

            standby.Checking = true;
            Interlocked.Exchange(ref standby.NextCheckTicks, now + (covers ? CaughtUpRecheck : BehindRecheck).Ticks);
            failures = standby.Failures;
        }

        _ = Task.Run(async () =>
        {
            ChangeLogHead.Position? replayed = null;
            Exception? failure = null;
            try
            {
                await using var db = new DisclosureDbContext(standby.Options);
                replayed = await ChangeLogHead.ReadAsync(db, CancellationToken.None);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                // Down, restarting, unreachable, or without this database yet: the primary answers until it is back.
                failure = exception;
            }

            lock (standby)
            {
                standby.Checking = false;
                // A read that failed on it since this check was decided knows better: it stays down until the next.
                if (standby.Failures == failures)
                {
                    standby.Replayed = replayed;
                    if (failure is not null)
                    {
                        Interlocked.Exchange(ref standby.NextCheckTicks, _clock.GetUtcNow().UtcTicks + DownRecheck.Ticks);
                    }
                }
            }

            if (failure is not null)
            {
                LogStandbyFailed(_logger, failure);
            }
        });
    }

    private static DbContextOptions<DisclosureDbContext> OptionsFor(string connectionString, IReadOnlyList<IDisclosureModule> modules)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        if (connection.Timeout == new NpgsqlConnectionStringBuilder().Timeout)
        {
            connection.Timeout = ConnectTimeoutSeconds;
        }

        var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = connection.ConnectionString }, modules);
        // A standby is read-only: nothing read from it is ever tracked for saving.
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        return builder.Options;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A read replica could not be read; its reads go to the primary for now.")]
    private static partial void LogStandbyFailed(ILogger logger, Exception exception);

    private sealed class Standby(DbContextOptions<DisclosureDbContext> options)
    {
        public DbContextOptions<DisclosureDbContext> Options { get; } = options;

        public volatile ChangeLogHead.Position? Replayed;

        // Read without the lock by CheckIfDue; written under it.
        public long NextCheckTicks;

        // Under the lock: whether a check is under way, and reads that failed on it since start (a check decided before
        // one of them must not bring it back).
        public bool Checking;

        public int Failures;
    }
}
