using Disclosure.Storage.Changes;
using Disclosure.Storage.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Disclosure.Storage.Replicas;

/// <summary>
/// Chooses where a public read goes (<see cref="StorageOptions.ReadReplicas"/>): a hot standby that has replayed at
/// least the <see cref="ChangeLogHead"/> this node has seen, so no page or answer is older than what this node has
/// published or shown; otherwise the primary. Standbys are taken in turn. What each standby has replayed is read from
/// the standby itself (its own change-log head and public revision) and kept; a standby found behind, or unreachable,
/// is asked again after <see cref="RecheckInterval"/>, and until then its reads go to the primary.
/// </summary>
public sealed partial class ReadReplicaSelector
{
    /// <summary>How soon a standby that was behind or unreachable is asked again.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(25);

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
            : options.ReadReplicas.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => new Standby(OptionsFor(options, c, installed))).ToArray();
    }

    /// <summary>Reads given to a standby since start (diagnostics and tests).</summary>
    public long StandbyReads => Interlocked.Read(ref _standbyReads);

    /// <summary>Reads that went to the primary although standbys are configured: none had caught up, or none answered.</summary>
    public long PrimaryReads => Interlocked.Read(ref _primaryReads);

    public bool HasStandbys => _standbys.Length > 0;

    /// <summary>The options of a standby that covers what this node has seen, or null: read from the primary.</summary>
    public async ValueTask<DbContextOptions<DisclosureDbContext>?> ChooseAsync(CancellationToken cancellationToken)
    {
        if (_standbys.Length == 0)
        {
            return null;
        }

        var seen = await _head.GetAsync(cancellationToken);
        var first = (int)((ulong)Interlocked.Increment(ref _turn) % (ulong)_standbys.Length);
        for (var i = 0; i < _standbys.Length; i++)
        {
            var standby = _standbys[(first + i) % _standbys.Length];
            if (standby.Replayed?.Covers(seen) == true || await CheckAsync(standby, seen, cancellationToken))
            {
                Interlocked.Increment(ref _standbyReads);
                return standby.Options;
            }
        }

        Interlocked.Increment(ref _primaryReads);
        return null;
    }

    // Asks the standby how far it has replayed, at most once per interval and by one request at a time; the others
    // meanwhile read from the primary rather than wait.
    private async Task<bool> CheckAsync(Standby standby, ChangeLogHead.Position seen, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (now - standby.CheckedAt < RecheckInterval || Interlocked.CompareExchange(ref standby.Checking, 1, 0) != 0)
        {
            return false;
        }

        try
        {
            standby.CheckedAt = now;
            await using var db = new DisclosureDbContext(standby.Options);
            standby.Replayed = await ChangeLogHead.ReadAsync(db, cancellationToken);
            return standby.Replayed.Covers(seen);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // Down, restarting or unreachable: the primary answers until it is back.
            standby.Replayed = null;
            LogStandbyUnreachable(_logger, exception);
            return false;
        }
        finally
        {
            Volatile.Write(ref standby.Checking, 0);
        }
    }

    private static DbContextOptions<DisclosureDbContext> OptionsFor(StorageOptions primary, string connectionString, IReadOnlyList<IDisclosureModule> modules)
    {
        var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { Provider = primary.Provider, ConnectionString = connectionString }, modules);
        // A standby is read-only: nothing read from it is ever tracked for saving.
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        return builder.Options;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A read replica could not be reached; its reads go to the primary.")]
    private static partial void LogStandbyUnreachable(ILogger logger, Exception exception);

    private sealed class Standby(DbContextOptions<DisclosureDbContext> options)
    {
        public DbContextOptions<DisclosureDbContext> Options { get; } = options;

        public volatile ChangeLogHead.Position? Replayed;

        public DateTimeOffset CheckedAt = DateTimeOffset.MinValue;

        public int Checking;
    }
}
