using System.Collections.Concurrent;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Search.Suggestions;

/// <summary>
/// Counts the queries the public searched with hits (常用检索词) and serves the most searched of them from memory.
/// <para>
/// <see cref="Record"/> runs inside a search, so it only adds to an in-memory buffer: no I/O, no lock held across
/// anything slow, and a full buffer drops the count instead of waiting. <see cref="CommonQueryFlusher"/> writes the
/// buffer every few seconds in one transaction (an upsert per query, the same SQL on SQLite and PostgreSQL, so nodes
/// sharing the database add up) and re-reads the most searched queries, other nodes' counts included. A crash loses
/// what was counted since the last write, which is acceptable for a suggestion.
/// </para>
/// </summary>
public sealed partial class CommonQueryLog : IDisposable
{
    // Runs on SQLite (3.24+) and PostgreSQL alike; two nodes writing the same query both add.
    private const string UpsertSql =
        """
        INSERT INTO "SearchCommonQueries" ("Query", "Count", "FirstSeenUtc", "LastSeenUtc") VALUES ({0}, {1}, {2}, {2})
        ON CONFLICT ("Query") DO UPDATE SET "Count" = "SearchCommonQueries"."Count" + excluded."Count", "LastSeenUtc" = excluded."LastSeenUtc"
        """;

    private static readonly TimeSpan ForgetEvery = TimeSpan.FromHours(1);

    private readonly IServiceScopeFactory _scopes;
    private readonly SuggestionOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private Buffer _buffer = new();
    private IReadOnlyList<CommonQueryEntry> _snapshot = [];
    private bool _loaded;
    private DateTime _lastForgotten;

    public CommonQueryLog(IServiceScopeFactory scopes, IOptions<SuggestionOptions> options, TimeProvider clock, ILogger<CommonQueryLog> logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The most searched 常用检索词 (seen at least <see cref="SuggestionOptions.MinQueryCount"/> times), most searched first.</summary>
    public IReadOnlyList<CommonQueryEntry> Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Queries waiting to be written (for tests and the log).</summary>
    public int Pending => Volatile.Read(ref _buffer).Counts.Count;

    /// <summary>
    /// Counts a search from the public page or API. Only a search with hits counts, a query that may hold personal
    /// data never does (<see cref="CommonQueryText"/>), and a visitor repeating a query counts once per write interval.
    /// Never blocks and never throws for what was typed.
    /// </summary>
    public void Record(string? query, int hits, string? visitor)
    {
        if (!_options.RecordQueries || hits <= 0)
        {
            return;
        }

        var key = CommonQueryText.Keepable(query, Math.Min(_options.MaxQueryLength, CommonQuery.QueryMaxLength));
        if (key is null)
        {
            return;
        }

        var buffer = Volatile.Read(ref _buffer);
        if (visitor is not null)
        {
            // Bounded like the counts: past it a flood of visitors is simply not counted until the next write.
            if (buffer.Visitors.Count >= _options.BufferCapacity * 4 || !buffer.Visitors.TryAdd((key, visitor), 0))
            {
                return;
            }
        }

        if (buffer.Counts.Count >= _options.BufferCapacity && !buffer.Counts.ContainsKey(key))
        {
            return;
        }

        buffer.Counts.AddOrUpdate(key, 1, static (_, count) => count + 1);
    }

    /// <summary>Writes what was counted since the last write, in one transaction, then re-reads the 常用检索词.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var buffer = Interlocked.Exchange(ref _buffer, new Buffer());
            // In key order, so two nodes writing overlapping batches take their row locks in the same order.
            var batch = buffer.Counts.ToArray().OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
            var now = _clock.GetUtcNow().UtcDateTime;
            var forget = now - _lastForgotten >= ForgetEvery;
            if (batch.Count > 0 || forget)
            {
                try
                {
                    await WriteAsync(batch, now, forget, cancellationToken);
                    if (forget)
                    {
                        _lastForgotten = now;
                    }
                }
                catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException or TimeoutException)
                {
                    // The database is away: keep the counts for the next write (within the buffer's bound).
                    LogWriteFailed(_logger, ex, batch.Count);
                    Requeue(batch);
                    return;
                }
            }

            await RefreshAsync(cancellationToken);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Re-reads the most searched 常用检索词 from the database (every node's counts).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var minimum = Math.Max(1, _options.MinQueryCount);
        var rows = await db.Set<CommonQuery>().AsNoTracking()
            .Where(q => q.Count >= minimum)
            .OrderByDescending(q => q.Count).ThenBy(q => q.Query)
            .Take(Math.Max(0, _options.CachedQueries))
            .Select(q => new { q.Query, q.Count })
            .ToListAsync(cancellationToken);

        // Checked again on the way out: a rule added later also hides what an earlier version stored.
        var entries = rows
            .Where(r => !CommonQueryText.LooksPersonal(r.Query) && r.Query.Length <= _options.MaxQueryLength)
            .Select(r => new CommonQueryEntry(r.Query, r.Count))
            .ToList();
        Volatile.Write(ref _snapshot, entries);
        _loaded = true;
    }

    /// <summary>Reads the 常用检索词 once if this node has not yet (the first suggestion after a start).</summary>
    public Task EnsureLoadedAsync(CancellationToken cancellationToken = default) =>
        _loaded ? Task.CompletedTask : RefreshAsync(cancellationToken);

    private async Task WriteAsync(List<KeyValuePair<string, int>> batch, DateTime now, bool forget, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        await db.InTransactionAsync(async () =>
        {
            foreach (var (query, count) in batch)
            {
                await db.Database.ExecuteSqlRawAsync(UpsertSql, [query, (long)count, now], cancellationToken);
            }

            if (forget)
            {
                // Rare queries nobody repeated are forgotten, so the table does not grow with every one-off search.
                var minimum = Math.Max(1, _options.MinQueryCount);
                var before = now.AddDays(-Math.Max(1, _options.ForgetAfterDays));
                await db.Set<CommonQuery>().Where(q => q.Count < minimum && q.LastSeenUtc < before).ExecuteDeleteAsync(cancellationToken);
            }

            return batch.Count;
        }, cancellationToken);
    }

    private void Requeue(List<KeyValuePair<string, int>> batch)
    {
        var buffer = Volatile.Read(ref _buffer);
        foreach (var (query, count) in batch)
        {
            if (buffer.Counts.Count >= _options.BufferCapacity && !buffer.Counts.ContainsKey(query))
            {
                break;
            }

            buffer.Counts.AddOrUpdate(query, count, (_, existing) => existing + count);
        }
    }

    public void Dispose() => _writing.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "常用检索词写入数据库失败（{Count} 条），将在下次写入时重试")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);

    /// <summary>One write interval's counts, and which visitor already counted which query in it.</summary>
    private sealed class Buffer
    {
        public ConcurrentDictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<(string Query, string Visitor), byte> Visitors { get; } = new();
    }
}

/// <summary>A 常用检索词 and how often it was searched.</summary>
public sealed record CommonQueryEntry(string Query, long Count);
