using System.Globalization;
using Disclosure.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = System.IO.Directory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Disclosure.Search.IndexStore;

/// <summary>
/// The search index of this node, on disk under <see cref="RootFolder"/>:
/// <code>
/// search/CURRENT      names the generation in use, e.g. "index-3" (replaced atomically by rename)
/// search/index-3/     the Lucene index, with its change-log checkpoint in the commit user data
/// </code>
/// A rebuild writes <c>index-4</c> beside the live one, then points CURRENT at it and swaps searchers; the old
/// generation keeps serving the searches that hold it and is deleted when the last one lets go.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    private const string PointerFile = "CURRENT";

    private readonly object _gate = new();
    private readonly ILogger _logger;
    private IndexGeneration? _current;
    private bool _disposed;

    public SearchIndex(string rootFolder, ChineseAnalyzer analyzer, ILogger<SearchIndex>? logger = null)
    {
        RootFolder = Path.GetFullPath(rootFolder);
        Analyzer = analyzer;
        _logger = logger ?? NullLogger<SearchIndex>.Instance;
    }

    public string RootFolder { get; }

    public ChineseAnalyzer Analyzer { get; }

    /// <summary>The generation number in use (opening the index if need be).</summary>
    public int Generation => WithCurrent(g => g.Number);

    /// <summary>The change-log sequence the live generation shows to searches.</summary>
    public long Checkpoint => WithCurrent(g => g.Checkpoint);

    /// <summary>The change-log sequence the live generation has committed to disk (a restart resumes from it).</summary>
    public long DurableCheckpoint => WithCurrent(g => g.DurableCheckpoint);

    /// <summary>Documents in the live generation.</summary>
    public int DocumentCount => WithCurrent(g => g.DocumentCount);

    /// <summary>A searcher over the live generation; dispose it when the search is done.</summary>
    public SearcherLease AcquireSearcher()
    {
        var generation = AcquireCurrent();
        try
        {
            return new SearcherLease(generation, generation.Searchers.Acquire());
        }
        catch
        {
            generation.Release();
            throw;
        }
    }

    /// <summary>Writes changes to the live generation and commits them with <paramref name="checkpoint"/> (tools, benchmarks).</summary>
    public void Apply(IReadOnlyList<IndexChange> changes, long checkpoint)
    {
        var generation = AcquireCurrent();
        try
        {
            generation.WriteLock.Wait();
            try
            {
                generation.Apply(changes, checkpoint);
            }
            finally
            {
                generation.WriteLock.Release();
            }
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>The live generation with a reference taken; the caller releases it.</summary>
    internal IndexGeneration AcquireCurrent()
    {
        while (true)
        {
            var generation = Volatile.Read(ref _current) ?? Open();
            if (generation.TryAcquire())
            {
                return generation;
            }

            // Retired between the read and the acquire: the swap has already published its successor.
        }
    }

    /// <summary>A new, empty generation beside the live one, for a rebuild. Not live until <see cref="Switch"/>.</summary>
    internal IndexGeneration CreateGeneration()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            Directory.CreateDirectory(RootFolder);
            var next = ExistingGenerations().DefaultIfEmpty(0).Max() + 1;
            var live = _current?.Number ?? ReadPointer() ?? 0;
            next = Math.Max(next, live + 1);
            return IndexGeneration.Open(RootFolder, next, Analyzer);
        }
    }

    /// <summary>
    /// Makes <paramref name="next"/> the live generation: CURRENT is replaced by an atomic rename (so a crash
    /// leaves either the old or the new pointer, never half of one), searches move over at once, and the old
    /// generation is deleted when its last search finishes.
    /// </summary>
    internal void Switch(IndexGeneration next)
    {
        IndexGeneration? previous;
        lock (_gate)
        {
            ThrowIfDisposed();
            WritePointer(next.Number);
            previous = _current;
            Volatile.Write(ref _current, next);
        }

        previous?.Retire(deleteFiles: true);
        LogSwitched(_logger, next.Number);
        DeleteStaleGenerations(next.Number);
    }

    /// <summary>
    /// Follows a rebuild done by another process on the same folder (the <c>rebuild-search-index</c> command):
    /// when CURRENT names another generation, open it and switch to it. False while that generation is still
    /// held by its builder (the next poll tries again).
    /// </summary>
    internal bool FollowPointer()
    {
        var live = Volatile.Read(ref _current);
        if (live is null)
        {
            return false;
        }

        if (ReadPointer() is not { } pointed || pointed == live.Number || !Directory.Exists(Path.Combine(RootFolder, IndexGeneration.DirectoryName(pointed))))
        {
            return false;
        }

        IndexGeneration next;
        try
        {
            next = IndexGeneration.Open(RootFolder, pointed, Analyzer);
        }
        catch (LockObtainFailedException)
        {
            return false;
        }

        lock (_gate)
        {
            if (_disposed || !ReferenceEquals(_current, live))
            {
                next.Retire(deleteFiles: false);
                return false;
            }

            Volatile.Write(ref _current, next);
        }

        live.Retire(deleteFiles: true);
        LogAdopted(_logger, next.Number);
        return true;
    }

    /// <summary>Makes this instance stand in for a crashed process: uncommitted work is lost and nothing more is written.</summary>
    internal void SimulateCrash()
    {
        lock (_gate)
        {
            _current?.SimulateCrash();
            _current = null;
            _disposed = true;
        }
    }

    public void Dispose()
    {
        IndexGeneration? current;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            current = _current;
            _current = null;
        }

        current?.Retire(deleteFiles: false);
    }

    private T WithCurrent<T>(Func<IndexGeneration, T> read)
    {
        var generation = AcquireCurrent();
        try
        {
            return read(generation);
        }
        finally
        {
            generation.Release();
        }
    }

    private IndexGeneration Open()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_current is not null)
            {
                return _current;
            }

            Directory.CreateDirectory(RootFolder);
            IndexGeneration generation;
            if (ReadPointer() is { } number && Directory.Exists(Path.Combine(RootFolder, IndexGeneration.DirectoryName(number))))
            {
                generation = IndexGeneration.Open(RootFolder, number, Analyzer);
                if (generation.StoredSchema != IndexGeneration.SchemaVersion)
                {
                    // Written by another version of this code: start a new generation from checkpoint 0, so the
                    // follower re-reads the whole feed into the current layout.
                    LogSchemaMismatch(_logger, number, generation.StoredSchema);
                    generation.Retire(deleteFiles: true);
                    generation = NewGeneration();
                }
            }
            else
            {
                generation = NewGeneration();
            }

            Volatile.Write(ref _current, generation);
            DeleteStaleGenerations(generation.Number);
            return generation;
        }
    }

    private IndexGeneration NewGeneration()
    {
        var number = Math.Max(ExistingGenerations().DefaultIfEmpty(0).Max(), ReadPointer() ?? 0) + 1;
        var generation = IndexGeneration.Open(RootFolder, number, Analyzer);
        WritePointer(number);
        return generation;
    }

    /// <summary>Removes generations that are neither live nor held by a writer (left by a crash or another process).</summary>
    private void DeleteStaleGenerations(int live)
    {
        foreach (var number in ExistingGenerations().Where(n => n != live))
        {
            var path = Path.Combine(RootFolder, IndexGeneration.DirectoryName(number));
            try
            {
                using (var directory = FSDirectory.Open(path))
                {
                    if (IndexWriter.IsLocked(directory))
                    {
                        continue; // a rebuild in progress, or a process still using it
                    }
                }

                Directory.Delete(path, recursive: true);
            }
            catch (IOException ex)
            {
                LogNotDeleted(_logger, ex, path);
            }
            catch (UnauthorizedAccessException ex)
            {
                LogNotDeleted(_logger, ex, path);
            }
        }
    }

    private IEnumerable<int> ExistingGenerations()
    {
        if (!Directory.Exists(RootFolder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateDirectories(RootFolder, "index-*"))
        {
            if (int.TryParse(Path.GetFileName(path)["index-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                yield return number;
            }
        }
    }

    private int? ReadPointer()
    {
        var file = Path.Combine(RootFolder, PointerFile);
        if (!File.Exists(file))
        {
            return null;
        }

        var text = File.ReadAllText(file).Trim();
        return text.StartsWith("index-", StringComparison.Ordinal)
            && int.TryParse(text["index-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    private void WritePointer(int number)
    {
        var file = Path.Combine(RootFolder, PointerFile);
        var temporary = file + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(IndexGeneration.DirectoryName(number));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, file, overwrite: true);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    [LoggerMessage(Level = LogLevel.Information, Message = "检索索引已切换到第 {Generation} 代")]
    private static partial void LogSwitched(ILogger logger, int generation);

    [LoggerMessage(Level = LogLevel.Information, Message = "检索索引已切换到另一进程重建的第 {Generation} 代")]
    private static partial void LogAdopted(ILogger logger, int generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "检索索引第 {Generation} 代的结构版本为 {Schema}，与当前版本不符，将从头重建")]
    private static partial void LogSchemaMismatch(ILogger logger, int generation, string? schema);

    [LoggerMessage(Level = LogLevel.Debug, Message = "旧检索索引目录 {Path} 暂时无法删除")]
    private static partial void LogNotDeleted(ILogger logger, Exception exception, string path);
}

/// <summary>A searcher on one generation, held until disposed (a rebuild cannot close it from under a search).</summary>
public sealed class SearcherLease : IDisposable
{
    private readonly IndexGeneration _generation;
    private IndexSearcher? _searcher;

    internal SearcherLease(IndexGeneration generation, IndexSearcher searcher)
    {
        _generation = generation;
        _searcher = searcher;
    }

    public IndexSearcher Searcher => _searcher ?? throw new ObjectDisposedException(nameof(SearcherLease));

    public int Generation => _generation.Number;

    public void Dispose()
    {
        if (_searcher is { } searcher)
        {
            _searcher = null;
            _generation.Searchers.Release(searcher);
            _generation.Release();
        }
    }
}
