using Disclosure.Core.ContentManagement;
using Disclosure.Search.IndexStore;
using Disclosure.Search.Indexing;
using Disclosure.Storage;
using Disclosure.Storage.Changes;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Search.Following;

/// <summary>
/// Keeps the index in step with the change log. Each batch reads the entries after the index's checkpoint,
/// loads the current published version of every item they name, (re)indexes it — or deletes it when the item is
/// no longer published — and shows the documents to searches at once with the batch's last sequence as the new
/// checkpoint; the durable commit of documents and checkpoint together follows within
/// <see cref="SearchOptions.CommitIntervalMilliseconds"/> (a rebuild commits every batch).
/// <para>
/// Indexing "the current published version" rather than the version an entry names makes replay idempotent:
/// re-reading entries after a crash, or replaying the whole log in a rebuild, always ends in the present state.
/// Every node follows the same log into its own index, so a second node sharing PostgreSQL catches up by itself.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The two semaphores are only awaited and released, so they never allocate a wait handle and Dispose would free nothing; the change signal may still nudge a disposed indexer while the host shuts down.")]
public sealed partial class SearchIndexer
{
    private readonly SemaphoreSlim _nudge = new(0, 1);
    private readonly SemaphoreSlim _rebuildLock = new(1, 1);
    // Set by a live catch-up that showed more than it committed; the wait and the final commit read it, so neither
    // has to open the index (which can fail, e.g. while an old process still holds its lock).
    private volatile bool _commitPending;
    private readonly SearchIndex index;
    private readonly IServiceScopeFactory scopes;
    private readonly IOptions<SearchOptions> options;
    private readonly ILogger<SearchIndexer> logger;

    public SearchIndexer(SearchIndex index, IServiceScopeFactory scopes, IOptions<SearchOptions> options, ILogger<SearchIndexer> logger, ChangeSignal signal)
    {
        this.index = index;
        this.scopes = scopes;
        this.options = options;
        this.logger = logger;

        // A commit on this node that grew the change log (a withdrawal above all) is indexed at once, not at the next poll.
        signal.Changed += Nudge;
    }

    /// <summary>Asks the follower to look at the change log now rather than at its next poll.</summary>
    public void Nudge()
    {
        try
        {
            _nudge.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged and not yet woken: one wake-up covers both.
        }
    }

    /// <summary>Waits for a nudge or the poll interval, whichever comes first (sooner while a commit is pending).</summary>
    public async Task WaitForNudgeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var interval = Math.Max(50, settings.PollIntervalMilliseconds);
        if (_commitPending)
        {
            interval = Math.Min(interval, Math.Max(50, settings.CommitIntervalMilliseconds));
        }

        await _nudge.WaitAsync(TimeSpan.FromMilliseconds(interval), cancellationToken);
    }

    /// <summary>
    /// Brings the live index up to the head of the change log, shown to searches at once, and commits it when the
    /// last commit is <see cref="SearchOptions.CommitIntervalMilliseconds"/> old. Returns the number of entries applied.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        index.FollowPointer();
        var generation = index.AcquireCurrent();
        try
        {
            var applied = await CatchUpAsync(generation, durable: false, progress: null, cancellationToken);
            if (Environment.TickCount64 - generation.LastCommitTicks >= options.Value.CommitIntervalMilliseconds)
            {
                await CommitAsync(generation, cancellationToken);
            }

            _commitPending = generation.HasUncommittedChanges;
            return applied;
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>Commits what the live index shows and has not yet made durable (when the site stops, and for tools).</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var generation = index.AcquireCurrent();
        try
        {
            await CommitAsync(generation, cancellationToken);
            _commitPending = false;
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>Whether the last catch-up left work shown but not yet committed (read without touching the index).</summary>
    public bool CommitPending => _commitPending;

    private static async Task CommitAsync(IndexGeneration generation, CancellationToken cancellationToken)
    {
        await generation.WriteLock.WaitAsync(cancellationToken);
        try
        {
            if (generation.HasUncommittedChanges)
            {
                generation.Commit();
            }
        }
        finally
        {
            generation.WriteLock.Release();
        }
    }

    /// <summary>
    /// Builds a new generation from the whole change log while the live one keeps answering searches, then
    /// switches searches to it and deletes the old one (<c>rebuild-search-index</c>).
    /// </summary>
    public async Task<SearchRebuildResult> RebuildAsync(IProgress<SearchRebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await _rebuildLock.WaitAsync(cancellationToken);
        IndexGeneration? next = null;
        // The live generation (if this process can open it) is held for the whole rebuild, so it keeps serving.
        var live = TryAcquireLive();
        try
        {
            var started = DateTime.UtcNow;
            next = index.CreateGeneration();
            await CatchUpAsync(next, durable: true, progress, cancellationToken);

            // Final catch-up while the live generation's writer is idle, then the switch: searches move over
            // with nothing the live index had that the new one lacks.
            if (live is not null)
            {
                await live.WriteLock.WaitAsync(cancellationToken);
            }

            try
            {
                await CatchUpAsync(next, durable: true, progress, cancellationToken);
                index.Switch(next);
            }
            finally
            {
                live?.WriteLock.Release();
            }

            var result = new SearchRebuildResult(next.Number, next.DocumentCount, next.Checkpoint, DateTime.UtcNow - started);
            next = null; // now owned by the index
            LogRebuilt(logger, result.Generation, result.Documents, result.Checkpoint);
            return result;
        }
        finally
        {
            next?.Retire(deleteFiles: true);
            live?.Release();
            _rebuildLock.Release();
        }
    }

    private IndexGeneration? TryAcquireLive()
    {
        try
        {
            return index.AcquireCurrent();
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            // Another process (a running site) holds the live generation; it follows CURRENT by itself.
            return null;
        }
    }

    /// <summary>
    /// Reads the change log after the generation's checkpoint and shows each batch to searches; commits each batch
    /// too when <paramref name="durable"/> (a rebuild, whose generation nobody searches until it is complete).
    /// </summary>
    private async Task<int> CatchUpAsync(IndexGeneration generation, bool durable, IProgress<SearchRebuildProgress>? progress, CancellationToken cancellationToken)
    {
        await generation.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var feed = services.GetRequiredService<PublishedContentQuery>();
            // Types and labels are loaded with the first change, so an idle poll (every node, every second) costs one query.
            IReadOnlyDictionary<string, Core.ContentManagement.Metadata.ContentTypeDefinition>? types = null;
            SearchLabels? labels = null;
            var batchSize = Math.Max(1, options.Value.BatchSize);

            var applied = 0;
            var checkpoint = generation.Checkpoint;
            while (true)
            {
                var entries = await feed.ChangesAsync(checkpoint, batchSize, cancellationToken);
                if (entries.Count == 0)
                {
                    break;
                }

                types ??= await services.GetRequiredService<ContentDefinitionStore>().GetTypesAsync(cancellationToken);
                labels ??= new SearchLabels(await feed.AgencyNamesAsync(cancellationToken), await feed.CatalogueNamesAsync(cancellationToken));
                var changes = await LoadChangesAsync(feed, entries, types, labels, cancellationToken);
                checkpoint = entries[^1].Sequence;
                applied += entries.Count;
                if (durable)
                {
                    generation.Apply(changes, checkpoint);
                }
                else
                {
                    generation.Show(changes, checkpoint);
                }

                progress?.Report(new SearchRebuildProgress(generation.Number, checkpoint, generation.DocumentCount));
                if (entries.Count < batchSize)
                {
                    break;
                }
            }

            if (applied > 0)
            {
                LogApplied(logger, generation.Number, applied, checkpoint);
            }

            return applied;
        }
        finally
        {
            generation.WriteLock.Release();
        }
    }

    private async Task<List<IndexChange>> LoadChangesAsync(
        PublishedContentQuery feed,
        IReadOnlyList<ChangeLogEntry> entries,
        IReadOnlyDictionary<string, Core.ContentManagement.Metadata.ContentTypeDefinition> types,
        SearchLabels labels,
        CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => e.ContentItemId).Distinct().ToList();
        var published = await feed.PublishedVersionsAsync(ids, cancellationToken);

        var changes = new List<IndexChange>(ids.Count);
        foreach (var id in ids)
        {
            if (!published.TryGetValue(id, out var version) || version.PublishedUtc is not { } publishedUtc)
            {
                changes.Add(IndexChange.Delete(id)); // withdrawn (撤回), or replaced and not yet public again
                continue;
            }

            if (!types.TryGetValue(version.ContentType, out var type))
            {
                LogUnknownType(logger, id, version.ContentType);
                changes.Add(IndexChange.Delete(id));
                continue;
            }

            var content = new IndexableContent(id, type, ContentData.Parse(version.DataJson), version.Item.IndexNumber, publishedUtc);
            changes.Add(IndexChange.Upsert(content, labels));
        }

        return changes;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "检索索引重建完成：第 {Generation} 代，{Documents} 条，检查点 {Checkpoint}")]
    private static partial void LogRebuilt(ILogger logger, int generation, int documents, long checkpoint);

    [LoggerMessage(Level = LogLevel.Debug, Message = "检索索引第 {Generation} 代已处理 {Count} 条变更，检查点 {Checkpoint}")]
    private static partial void LogApplied(ILogger logger, int generation, int count, long checkpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "内容“{Id}”的类型“{Type}”已不存在，不予检索")]
    private static partial void LogUnknownType(ILogger logger, string id, string type);
}

/// <summary>How far a rebuild has got: the generation being built, the change-log sequence read and the documents so far.</summary>
public sealed record SearchRebuildProgress(int Generation, long Checkpoint, int Documents);

/// <summary>The outcome of a rebuild: the new live generation, its documents and checkpoint, and how long it took.</summary>
public sealed record SearchRebuildResult(int Generation, int Documents, long Checkpoint, TimeSpan Elapsed);
