using Disclosure.Backups.Archive;
using Disclosure.Storage;
using Microsoft.Extensions.Options;

namespace Disclosure.Backups.Services;

/// <summary>What one backup wrote.</summary>
public sealed record BackupResult(string ArchivePath, long SizeBytes, BackupManifest Manifest);

/// <summary>
/// Writes one archive while the site keeps serving and writing: first the database copy (one point in time), then
/// the media files. Attachments are moved into place before the row that names them is committed and are never
/// changed afterwards, so every attachment the copied database refers to is already on disk when the media are
/// read; files added later are extra, never missing. The search index is not archived (it is rebuilt from the
/// change log), nor are the 台账 keys (the manifest names their ids) nor pending imports.
/// </summary>
public sealed class BackupService(StorageOptions storage, IOptions<BackupOptions> options, TimeProvider clock)
{
    /// <summary>The attachments folder, as the contents module sets up its media store: <c>media</c> under the data folder.</summary>
    public string MediaFolder => Path.Combine(storage.DataFolder, "media");

    public async Task<BackupResult> CreateAsync(string folder, CancellationToken cancellationToken)
    {
        folder = Path.GetFullPath(folder);
        BackupArchive.DeleteStalePartials(folder);
        var started = clock.GetUtcNow().UtcDateTime;
        var engine = DatabaseEngine.For(storage, options.Value);
        await using var writer = ArchiveWriter.Create(folder, BackupArchive.NameFor(started), TimeSpan.FromMilliseconds(options.Value.TestDelayMilliseconds));

        var copy = writer.SideFilePath(engine.CopyExtension);
        DatabaseFacts facts;
        try
        {
            facts = await engine.CopyAsync(copy, cancellationToken);
            await writer.AddFileAsync(engine.EntryName, copy, cancellationToken);
        }
        finally
        {
            // SQLite may have opened the copy in WAL mode (the mode is in the copied header): its side files go too.
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(copy + suffix);
            }
        }

        foreach (var (entry, path) in MediaFiles())
        {
            await writer.AddFileAsync(entry, path, cancellationToken);
        }

        var manifest = new BackupManifest
        {
            CreatedUtc = started,
            Provider = engine.Provider,
            DatabaseEntry = engine.EntryName,
            RowCounts = facts.RowCounts,
            ChangeLogHead = facts.ChangeLogHead,
            LedgerHead = facts.LedgerHead,
            LedgerKeyIds = facts.LedgerKeyIds,
            Files = [],
        };
        var size = await writer.CompleteAsync(manifest, cancellationToken);
        return new BackupResult(writer.FinalPath, size, manifest with { Files = writer.Files });
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> complete archives in <paramref name="folder"/>; returns the names deleted.</summary>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        var deleted = new List<string>();
        foreach (var old in BackupArchive.List(folder).Skip(Math.Max(1, keep)))
        {
            old.Delete();
            deleted.Add(old.Name);
        }

        return deleted;
    }

    /// <summary>Every stored attachment, in a stable order; the upload staging folder (<c>.tmp</c>) is skipped.</summary>
    private IEnumerable<(string Entry, string Path)> MediaFiles()
    {
        if (!Directory.Exists(MediaFolder))
        {
            return [];
        }

        return Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories)
            .Select(path => (Relative: Path.GetRelativePath(MediaFolder, path).Replace(Path.DirectorySeparatorChar, '/'), Path: path))
            .Where(f => !f.Relative.Split('/').Any(part => part.StartsWith('.')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => (BackupArchive.MediaPrefix + f.Relative, f.Path));
    }
}
