using System.Formats.Tar;
using System.Text;

namespace Disclosure.Backups.Archive;

/// <summary>
/// Reads an archive written by <see cref="ArchiveWriter"/>. <see cref="VerifyAsync"/> reads it whole once and checks
/// the trailer's checksum over every byte and each entry against the manifest, before anything is restored;
/// <see cref="ExtractAsync"/> then writes the entries out, checking each again as it is written.
/// </summary>
public static class ArchiveReader
{
    private const int MaxManifestBytes = 64 << 20;

    /// <summary>Checks every checksum of the archive and returns its manifest.</summary>
    /// <exception cref="BackupArchiveException">The archive is missing, unfinished, damaged or not a backup.</exception>
    public static async Task<BackupManifest> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        if (path.EndsWith(BackupArchive.PartialSuffix, StringComparison.Ordinal))
        {
            throw new BackupArchiveException($"“{Path.GetFileName(path)}”是未完成的备份（备份过程中断），不能用于恢复。");
        }

        if (!File.Exists(path))
        {
            throw new BackupArchiveException($"找不到备份文件“{path}”。");
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var expected = await ReadTrailerAsync(file, cancellationToken);
        file.Position = 0;
        await using var whole = new HashingReadStream(file, file.Length - BackupArchive.TrailerLength);

        var seen = new Dictionary<string, ArchivedFile>(StringComparer.Ordinal);
        byte[]? manifestJson = null;
        try
        {
            await using var tar = new TarReader(whole, leaveOpen: true);
            while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is TarEntryType.Directory)
                {
                    continue;
                }

                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !IsSafeEntryName(entry.Name) || seen.ContainsKey(entry.Name))
                {
                    throw new BackupArchiveException($"备份文件中有不应出现的条目“{entry.Name}”，备份文件已损坏或不是本系统生成的备份。");
                }

                if (entry.Name == BackupArchive.ManifestEntry)
                {
                    manifestJson = await ReadSmallAsync(entry, cancellationToken);
                    seen[entry.Name] = new ArchivedFile(entry.Name, manifestJson.Length, "");
                    continue;
                }

                await using var content = new HashingReadStream(entry.DataStream ?? Stream.Null, entry.Length);
                await content.DrainAsync(cancellationToken);
                seen[entry.Name] = new ArchivedFile(entry.Name, content.BytesRead, Convert.ToHexStringLower(content.GetHash()));
            }

            await whole.DrainAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException or EndOfStreamException or ArgumentException or InvalidOperationException)
        {
            throw new BackupArchiveException("备份文件已损坏，无法读取其中的条目。", exception);
        }

        if (!whole.GetHash().AsSpan().SequenceEqual(expected))
        {
            throw new BackupArchiveException("备份文件校验失败：文件内容与其校验和不符，备份文件已损坏或被改动。");
        }

        if (manifestJson is null)
        {
            throw new BackupArchiveException("备份文件中没有清单（manifest.json），不是完整的备份。");
        }

        var manifest = BackupManifest.Parse(manifestJson);
        CheckAgainstManifest(manifest, seen);
        return manifest;
    }

    /// <summary>
    /// Writes each entry to where <paramref name="targetOf"/> says (null: skip it), checking its SHA-256 against the
    /// manifest once more as it is written. Returns the paths written.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ExtractAsync(string path, BackupManifest manifest, Func<string, string?> targetOf, CancellationToken cancellationToken)
    {
        var expected = manifest.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var written = new List<string>();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        await using var tar = new TarReader(file, leaveOpen: true);
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.Name == BackupArchive.ManifestEntry || !expected.TryGetValue(entry.Name, out var archived) || targetOf(entry.Name) is not { } target)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                written.Add(target);
                await using var content = new HashingReadStream(entry.DataStream ?? Stream.Null, entry.Length);
                await content.CopyToAsync(output, 1 << 20, cancellationToken);
                if (Convert.ToHexStringLower(content.GetHash()) != archived.Sha256)
                {
                    throw new BackupArchiveException($"恢复“{entry.Name}”时校验和不符：备份文件在恢复过程中被改动。");
                }

                output.Flush(flushToDisk: true);
            }

            if (entry.ModificationTime > DateTimeOffset.MinValue)
            {
                File.SetLastWriteTimeUtc(target, entry.ModificationTime.UtcDateTime);
            }
        }

        return written;
    }

    /// <summary>Maps a <c>media/…</c> entry under <paramref name="mediaFolder"/>, refusing any path that would leave it.</summary>
    public static string? MediaTarget(string entryName, string mediaFolder)
    {
        if (!entryName.StartsWith(BackupArchive.MediaPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(mediaFolder)) + Path.DirectorySeparatorChar;
        var target = Path.GetFullPath(Path.Combine(root, entryName[BackupArchive.MediaPrefix.Length..]));
        return target.StartsWith(root, StringComparison.Ordinal) ? target : null;
    }

    private static async Task<byte[]> ReadTrailerAsync(FileStream file, CancellationToken cancellationToken)
    {
        var damaged = "备份文件不完整或已损坏：文件末尾没有校验和。";
        if (file.Length < BackupArchive.TrailerLength + 1024)
        {
            throw new BackupArchiveException(damaged);
        }

        var trailer = new byte[BackupArchive.TrailerLength];
        file.Position = file.Length - trailer.Length;
        await file.ReadExactlyAsync(trailer, cancellationToken);
        var text = Encoding.ASCII.GetString(trailer);
        if (!text.StartsWith(BackupArchive.TrailerPrefix, StringComparison.Ordinal) || text[^1] != '\n')
        {
            throw new BackupArchiveException(damaged);
        }

        try
        {
            return Convert.FromHexString(text[BackupArchive.TrailerPrefix.Length..^1]);
        }
        catch (FormatException)
        {
            throw new BackupArchiveException(damaged);
        }
    }

    private static async Task<byte[]> ReadSmallAsync(TarEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Length > MaxManifestBytes)
        {
            throw new BackupArchiveException("备份文件中的清单（manifest.json）大小异常，备份文件已损坏。");
        }

        using var buffer = new MemoryStream();
        if (entry.DataStream is { } data)
        {
            await data.CopyToAsync(buffer, cancellationToken);
        }

        return buffer.ToArray();
    }

    private static bool IsSafeEntryName(string name) =>
        name.Length > 0
        && !name.StartsWith('/')
        && !name.Contains('\\', StringComparison.Ordinal)
        && name.Split('/').All(part => part is not ("" or "." or ".."));

    private static void CheckAgainstManifest(BackupManifest manifest, Dictionary<string, ArchivedFile> seen)
    {
        if (manifest.Files.All(f => f.Path != manifest.DatabaseEntry))
        {
            throw new BackupArchiveException("备份文件的清单中没有数据库，不是完整的备份。");
        }

        foreach (var file in manifest.Files)
        {
            if (!seen.TryGetValue(file.Path, out var actual))
            {
                throw new BackupArchiveException($"备份文件中缺少清单所列的“{file.Path}”。");
            }

            if (actual.Size != file.Size || actual.Sha256 != file.Sha256)
            {
                throw new BackupArchiveException($"备份文件中“{file.Path}”的校验和与清单不符，备份文件已损坏。");
            }
        }

        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        if (seen.Keys.FirstOrDefault(name => name != BackupArchive.ManifestEntry && !listed.Contains(name)) is { } extra)
        {
            throw new BackupArchiveException($"备份文件中的“{extra}”不在清单中，备份文件已被改动。");
        }
    }
}
