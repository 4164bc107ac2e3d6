using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Disclosure.Core.Text;
using Disclosure.Core.Time;

namespace Disclosure.Media;

/// <summary>
/// Attachments on disk under one root folder, as <c>yyyy/MM/&lt;random&gt;.&lt;ext&gt;</c> (Beijing month of upload).
/// Files are stored under random names so that an uploaded name can never choose a path, overwrite another
/// attachment or be guessed. An upload is written to <c>.tmp/</c> inside the root first and moved into place only
/// once it has passed every check; the move is a rename on the same volume, so a reader sees either no file or the
/// whole file, and a rejected or cancelled upload leaves nothing behind.
/// </summary>
public sealed class MediaStore
{
    /// <summary>Where uploads are written while they are checked. Starts with a dot, so no stored path can reach it.</summary>
    private const string TempFolderName = ".tmp";

    private const int BufferSize = 81920;

    private readonly string _root;
    private readonly MediaOptions _options;
    private readonly TimeProvider _clock;

    public MediaStore(string rootFolder, MediaOptions options, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootFolder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (options.MaxBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxBytes, "附件大小上限必须大于 0。");
        }

        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootFolder));
        _options = options;
        _clock = clock;
        Directory.CreateDirectory(_root);
    }

    /// <summary>
    /// Checks and stores an upload. <paramref name="content"/> is read once from its current position and may be
    /// non-seekable (a request body): it is counted while it is copied to disk, never held in memory, and reading
    /// stops as soon as it passes <see cref="MediaOptions.MaxBytes"/>.
    /// </summary>
    /// <exception cref="MediaRejectedException">
    /// The upload is empty, too large, of a type not allowed, or its content does not match its extension.
    /// </exception>
    public async Task<StoredMedia> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var staged = await StageAsync(content, fileName, cancellationToken);
        var moved = false;
        try
        {
            var month = ChinaTime.ToLocal(_clock.GetUtcNow().UtcDateTime);
            var folder = month.Year.ToString("0000", CultureInfo.InvariantCulture) + "/" + month.Month.ToString("00", CultureInfo.InvariantCulture);
            Directory.CreateDirectory(Path.Combine(_root, folder));
            string relative;
            while (true)
            {
                relative = $"{folder}/{RandomName()}{staged.Extension}";
                try
                {
                    File.Move(staged.TempPath, ToFullPath(relative), overwrite: false);
                    break;
                }
                catch (IOException) when (File.Exists(ToFullPath(relative)))
                {
                    // 128 random bits do not collide; if they ever do, never overwrite — draw again.
                }
            }

            moved = true;
            return new StoredMedia(relative, staged.Name, MediaKinds.MediaTypeOf(staged.Kind), staged.Kind, staged.Size, staged.Sha256);
        }
        finally
        {
            if (!moved)
            {
                TryDelete(staged.TempPath);
            }
        }
    }

    /// <summary>
    /// Checks an upload exactly as <see cref="SaveAsync"/> does (name, size, type and content) and returns its bytes
    /// instead of storing it, for documents kept in the database beside their record (a 依申请公开 reply's released
    /// files). Nothing stays on disk.
    /// </summary>
    /// <exception cref="MediaRejectedException">As for <see cref="SaveAsync"/>.</exception>
    public async Task<(StoredMedia Media, byte[] Content)> CheckAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var staged = await StageAsync(content, fileName, cancellationToken);
        try
        {
            var bytes = await File.ReadAllBytesAsync(staged.TempPath, cancellationToken);
            return (new StoredMedia(string.Empty, staged.Name, MediaKinds.MediaTypeOf(staged.Kind), staged.Kind, staged.Size, staged.Sha256), bytes);
        }
        finally
        {
            TryDelete(staged.TempPath);
        }
    }

    /// <summary>An upload that passed every check, still in its temporary file.</summary>
    private sealed record StagedUpload(string TempPath, string Name, string Extension, MediaKind Kind, long Size, string Sha256);

    private async Task<StagedUpload> StageAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);

        // Cheap checks first: the name alone can reject the upload before a byte is read.
        var name = MediaFileName.Sanitize(fileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!MediaKinds.TryGetKind(extension, out var expected))
        {
            throw new MediaRejectedException(extension.Length == 0
                ? $"无法确定文件类型：文件名“{name}”没有扩展名，允许：{MediaKinds.AllowedDescription}。"
                : $"不支持的文件类型“{Shorten(extension)}”，允许：{MediaKinds.AllowedDescription}。");
        }

        if (content.CanSeek)
        {
            var length = content.Length - content.Position;
            if (length <= 0)
            {
                throw new MediaRejectedException("文件为空。");
            }

            if (length > _options.MaxBytes)
            {
                throw new MediaRejectedException($"文件大小 {FileSizeText.FormatOver(length, _options.MaxBytes)} 超过上限 {FileSizeText.Format(_options.MaxBytes)}。");
            }
        }

        var tempFolder = Path.Combine(_root, TempFolderName);
        Directory.CreateDirectory(tempFolder);
        var tempPath = Path.Combine(tempFolder, RandomName() + ".part");
        var passed = false;
        try
        {
            var (size, sha256) = await CopyToTempAsync(content, tempPath, cancellationToken);
            var kind = await SniffAsync(tempPath, extension, cancellationToken);
            if (kind.Kind != expected)
            {
                throw new MediaRejectedException($"文件内容与扩展名不符：扩展名为 {extension}，实际内容为 {kind.Description}。");
            }

            passed = true;
            return new StagedUpload(tempPath, name, extension, expected, size, sha256);
        }
        finally
        {
            if (!passed)
            {
                TryDelete(tempPath);
            }
        }
    }

    /// <summary>Opens a stored attachment for reading.</summary>
    /// <param name="path">A <see cref="StoredMedia.Path"/>.</param>
    /// <exception cref="ArgumentException">The path is absolute, uses backslashes or dot segments, or would leave the root.</exception>
    /// <exception cref="FileNotFoundException">No attachment is stored there.</exception>
    public Stream OpenRead(string path)
    {
        var fullPath = Resolve(path);
        try
        {
            return new FileStream(fullPath, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            });
        }
        catch (DirectoryNotFoundException exception)
        {
            // A missing month folder means the same to callers as a missing file.
            throw new FileNotFoundException($"没有找到附件 {path}。", path, exception);
        }
    }

    /// <summary>Whether an attachment is stored at <paramref name="path"/>; refuses the same paths as <see cref="OpenRead"/>.</summary>
    public bool Exists(string path) => File.Exists(Resolve(path));

    private async Task<(long Size, string Sha256)> CopyToTempAsync(Stream content, string tempPath, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long size = 0;
        try
        {
            await using var output = new FileStream(tempPath, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
            });
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                size += read;
                if (size > _options.MaxBytes)
                {
                    // The real size of a streamed upload is unknown without reading the rest of it, which an
                    // endless body would make endless: say only that it is over the limit.
                    throw new MediaRejectedException($"文件大小超过上限 {FileSizeText.Format(_options.MaxBytes)}。");
                }

                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (size == 0)
            {
                throw new MediaRejectedException("文件为空。");
            }

            // On disk before it is renamed into place, so a crash never leaves a stored path with a torn file.
            await output.FlushAsync(cancellationToken);
            output.Flush(flushToDisk: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<MediaSniffer.SniffResult> SniffAsync(string path, string extension, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        var head = new byte[MediaSniffer.HeadLength];
        var length = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return MediaSniffer.Sniff(head.AsSpan(0, length), extension, input);
    }

    /// <summary>
    /// A stored path to a full path, refusing anything that is not plainly a path below the root: stored paths
    /// come back from the database and from URLs, and must never reach another file on the server.
    /// </summary>
    private string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains('\\') || path.Contains(':') || path.StartsWith('/') || Path.IsPathRooted(path)
            || path.Any(char.IsControl))
        {
            throw new ArgumentException($"附件路径“{path}”无效：只能是存储目录下以“/”分隔的相对路径。", nameof(path));
        }

        if (path.Split('/').Any(segment => segment.Length == 0 || segment[0] == '.'))
        {
            throw new ArgumentException($"附件路径“{path}”无效：不能包含空段或以“.”开头的段。", nameof(path));
        }

        var full = ToFullPath(path);
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"附件路径“{path}”超出了存储目录。", nameof(path));
        }

        return full;
    }

    private string ToFullPath(string relative) =>
        Path.GetFullPath(Path.Combine(_root, relative.Replace('/', Path.DirectorySeparatorChar)));

    private static string RandomName() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a left-over .part file under .tmp/ is never served.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Shorten(string extension) => extension.Length <= 16 ? extension : extension[..16] + "…";
}
