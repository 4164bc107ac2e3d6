using System.Globalization;
using Disclosure.Search.Analysis;
using Disclosure.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Disclosure.Search.IndexStore;

/// <summary>
/// One generation of the index on disk (<c>index-N</c>): its directory, its single writer and the searcher
/// manager over it, shared by reference count so a rebuild can retire it while searches still hold it.
/// <para>
/// Changes are shown to searches as soon as they are staged (a near-real-time reader over the writer, refreshed per
/// batch: <see cref="Show"/>), and made durable separately, on a schedule (<see cref="Commit"/>): a Lucene commit
/// syncs files to disk, far slower than the refresh a new item needs to be found. The change-log checkpoint is
/// written into the commit's user data by the same commit that writes the documents, so the two can never disagree:
/// after a crash the index reopens at its last commit, with the checkpoint of exactly what that commit holds, and
/// re-reads the feed from there (what was only shown is read again).
/// </para>
/// </summary>
internal sealed class IndexGeneration
{
    public const string CheckpointKey = "disclosure.checkpoint";
    public const string SchemaKey = "disclosure.schema";

    /// <summary>
    /// Raised whenever the document layout or the analysis changes, so an old index is rebuilt rather than misread.
    /// 2: unigrams beside the bigrams, 繁简 folding, the SmartCn <c>words</c> field, offsets in the text fields' postings.
    /// </summary>
    public const string SchemaVersion = "2";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private int _references = 1; // the owner's reference (SearchIndex or a rebuild in progress)
    private bool _deleteWhenClosed;

    private IndexGeneration(int number, string path, LuceneDirectory directory, IndexWriter writer, long checkpoint, string? schema)
    {
        Number = number;
        Path = path;
        _directory = directory;
        _writer = writer;
        Checkpoint = DurableCheckpoint = checkpoint;
        StoredSchema = schema;
        Searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
    }

    public int Number { get; }

    public string Path { get; }

    /// <summary>The change-log sequence searches see: everything up to it is staged and shown.</summary>
    public long Checkpoint { get; private set; }

    /// <summary>The change-log sequence this generation's last commit includes: where a restart resumes.</summary>
    public long DurableCheckpoint { get; private set; }

    /// <summary>When the last commit was made (<see cref="Environment.TickCount64"/>), for committing on a schedule.</summary>
    public long LastCommitTicks { get; private set; } = Environment.TickCount64;

    /// <summary>The schema version the committed index was written with (null for a brand-new directory).</summary>
    public string? StoredSchema { get; }

    public SearcherManager Searchers { get; }

    /// <summary>Held while changes are staged and committed, so one batch at a time reaches this writer.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    /// <summary>
    /// Whether something is shown that the last commit does not hold. By checkpoint, not the writer's own flag, which a
    /// finished background merge also raises and would cost a commit for nothing.
    /// </summary>
    public bool HasUncommittedChanges => DurableCheckpoint != Checkpoint;

    public static string DirectoryName(int number) => "index-" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens (or creates, empty, with checkpoint 0) the generation's directory and takes its write lock.</summary>
    public static IndexGeneration Open(string root, int number, ChineseAnalyzer analyzer)
    {
        var path = System.IO.Path.Combine(root, DirectoryName(number));
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        try
        {
            var config = new IndexWriterConfig(ChineseAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND };
            var writer = new IndexWriter(directory, config);
            var data = writer.CommitData;
            string? schema = data is not null && data.TryGetValue(SchemaKey, out var s) ? s : null;
            var checkpoint = data is not null && data.TryGetValue(CheckpointKey, out var c) && long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            var generation = new IndexGeneration(number, path, directory, writer, checkpoint, schema);
            if (schema is null)
            {
                // A first commit marks the directory as a complete, empty index of this schema at checkpoint 0.
                generation.Commit();
            }

            return generation;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Adds, replaces and deletes documents in the writer without committing them.</summary>
    public void Stage(IReadOnlyList<IndexChange> changes)
    {
        foreach (var change in changes)
        {
            var key = new Term(SearchFields.Id, change.Id);
            if (change.Document is null)
            {
                _writer.DeleteDocuments(key);
            }
            else
            {
                _writer.UpdateDocument(key, change.Document);
            }
        }
    }

    /// <summary>Stages changes up to <paramref name="checkpoint"/> and shows them to searches at once, without committing.</summary>
    public void Show(IReadOnlyList<IndexChange> changes, long checkpoint)
    {
        Stage(changes);
        Checkpoint = checkpoint;
        Searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes what is shown durable: one commit of the documents and the checkpoint they correspond to.</summary>
    public void Commit()
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [CheckpointKey] = Checkpoint.ToString(CultureInfo.InvariantCulture),
            [SchemaKey] = SchemaVersion,
        });
        _writer.Commit();
        DurableCheckpoint = Checkpoint;
        LastCommitTicks = Environment.TickCount64;
    }

    /// <summary>Shows and commits at once (rebuilds, tools and benchmarks).</summary>
    public void Apply(IReadOnlyList<IndexChange> changes, long checkpoint)
    {
        Show(changes, checkpoint);
        Commit();
    }

    public int DocumentCount => _writer.NumDocs;

    /// <summary>Takes a reference for the length of a search or a batch; false once the generation is closing.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Close();
        }
    }

    /// <summary>Drops the owner's reference: the generation closes (and, if asked, deletes its files) once the last search is done.</summary>
    public void Retire(bool deleteFiles)
    {
        _deleteWhenClosed = deleteFiles;
        Release();
    }

    /// <summary>
    /// Stands in for the process dying: whatever is staged but not committed is thrown away, as a kill would lose
    /// it, and the directory is left as the last commit wrote it.
    /// </summary>
    internal void SimulateCrash()
    {
        Searchers.Dispose();
        _writer.Rollback();
        _directory.Dispose();
        Volatile.Write(ref _references, 0);
    }

    private void Close()
    {
        Searchers.Dispose();
        // Only committed work is kept: what was merely shown is re-read from the change log after the last commit's
        // checkpoint by whoever opens the directory next, and must not slip into a commit here without its checkpoint.
        _writer.Rollback();
        _directory.Dispose();
        WriteLock.Dispose();
        if (_deleteWhenClosed)
        {
            try
            {
                System.IO.Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Left for the next start-up's clean-up (a file may still be open elsewhere).
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
