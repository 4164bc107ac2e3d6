using System.Formats.Tar;

namespace Disclosure.Backups.Archive;

/// <summary>
/// Writes one archive (see <see cref="BackupArchive"/>) as <c>name.tar.partial</c>, holding an exclusive lock on it,
/// and renames it to <c>name.tar</c> in <see cref="CompleteAsync"/> once the manifest and trailer are written and the
/// file is flushed to disk. Disposed before completion, it deletes the partial file.
/// </summary>
public sealed class ArchiveWriter : IAsyncDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly FileStream _file;
    private readonly HashingWriteStream _hashing;
    private readonly TarWriter _tar;
    private readonly List<ArchivedFile> _files = [];
    private readonly TimeSpan _delayPerFile;
    private bool _completed;

    private ArchiveWriter(string folder, string name, TimeSpan delayPerFile)
    {
        Folder = folder;
        Name = name;
        _delayPerFile = delayPerFile;
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 1 << 20,
        };
        if (!OperatingSystem.IsWindows())
        {
            // The archive holds every record, personal data included: readable by the site's account only.
            options.UnixCreateMode = OwnerOnly;
        }

        _file = new FileStream(PartialPath, options);
        _hashing = new HashingWriteStream(_file);
        _tar = new TarWriter(_hashing, TarEntryFormat.Pax, leaveOpen: true);
    }

    public string Folder { get; }

    public string Name { get; }

    public string PartialPath => Path.Combine(Folder, Name + BackupArchive.PartialSuffix);

    public string FinalPath => Path.Combine(Folder, Name);

    /// <summary>A side file for this archive that stale-partial clean-up removes with it (e.g. the database copy).</summary>
    public string SideFilePath(string extension) =>
        Path.Combine(Folder, Path.GetFileNameWithoutExtension(Name) + extension + BackupArchive.PartialSuffix);

    public IReadOnlyList<ArchivedFile> Files => _files;

    public static ArchiveWriter Create(string folder, string name, TimeSpan delayPerFile = default)
    {
        Directory.CreateDirectory(folder);
        return new ArchiveWriter(folder, name, delayPerFile);
    }

    /// <summary>Adds <paramref name="sourcePath"/> as <paramref name="entryPath"/>, hashing it as it is copied.</summary>
    public async Task AddFileAsync(string entryPath, string sourcePath, CancellationToken cancellationToken)
    {
        await using (var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20, FileOptions.SequentialScan))
        {
            await using var hashing = new HashingReadStream(source, source.Length, seekable: true);
            var entry = new PaxTarEntry(TarEntryType.RegularFile, entryPath)
            {
                DataStream = hashing,
                Mode = OwnerOnly | UnixFileMode.GroupRead,
                ModificationTime = File.GetLastWriteTimeUtc(sourcePath),
            };
            await _tar.WriteEntryAsync(entry, cancellationToken);
            _files.Add(new ArchivedFile(entryPath, hashing.BytesRead, Convert.ToHexStringLower(hashing.GetHash())));
        }

        if (_delayPerFile > TimeSpan.Zero)
        {
            await Task.Delay(_delayPerFile, cancellationToken);
        }
    }

    /// <summary>Writes the manifest (with <see cref="Files"/>) and the trailer, flushes to disk and renames; returns the archive's size.</summary>
    public async Task<long> CompleteAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        var json = (manifest with { Files = [.. _files] }).ToJson();
        using (var content = new MemoryStream(json))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, BackupArchive.ManifestEntry)
            {
                DataStream = content,
                Mode = OwnerOnly | UnixFileMode.GroupRead,
                ModificationTime = manifest.CreatedUtc,
            };
            await _tar.WriteEntryAsync(entry, cancellationToken);
        }

        await _tar.DisposeAsync(); // the end-of-archive blocks
        await _hashing.FlushAsync(cancellationToken);
        await _file.WriteAsync(BackupArchive.Trailer(_hashing.GetHash()), cancellationToken);
        await _file.FlushAsync(cancellationToken);
        _file.Flush(flushToDisk: true);
        var size = _file.Length;
        await _file.DisposeAsync();
        _hashing.Dispose();
        File.Move(PartialPath, FinalPath, overwrite: false);
        _completed = true;
        return size;
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed)
        {
            return;
        }

        try
        {
            await _tar.DisposeAsync();
        }
        catch (IOException)
        {
            // Whatever stopped the backup may stop this too; the file is deleted below either way.
        }

        await _file.DisposeAsync();
        _hashing.Dispose();
        File.Delete(PartialPath);
    }
}
