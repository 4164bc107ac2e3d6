using System.Globalization;
using System.Text;
using Disclosure.Core.Time;

namespace Disclosure.Backups.Archive;

/// <summary>
/// The archive's layout, shared by writer and reader. An archive is a POSIX tar file,
/// <c>disclosure-backup-yyyyMMdd-HHmmss-fff.tar</c> (China time, to the millisecond), holding:
/// <list type="bullet">
/// <item><c>database/disclosure.db</c> (a SQLite copy made with SQLite's backup API) or <c>database/disclosure.dump</c> (<c>pg_dump --format=custom</c>);</item>
/// <item><c>media/…</c>, the attachments, by their stored paths;</item>
/// <item><c>manifest.json</c>, last: row counts, heads, key ids and the SHA-256 of every other entry.</item>
/// </list>
/// After the tar's end-of-archive blocks comes one line, <c>DISCLOSURE-BACKUP-SHA256 &lt;hex&gt;\n</c>, the SHA-256 of
/// every byte before it (headers and padding included), so any flipped byte anywhere is noticed; tar ignores it.
/// While being written the file is <c>….tar.partial</c>; it is renamed only once complete and flushed to disk, so
/// a file named <c>.tar</c> is always whole.
/// </summary>
public static class BackupArchive
{
    public const string Extension = ".tar";
    public const string PartialSuffix = ".partial";
    public const string NamePrefix = "disclosure-backup-";
    public const string ManifestEntry = "manifest.json";
    public const string MediaPrefix = "media/";
    public const string SqliteEntry = "database/disclosure.db";
    public const string PostgresEntry = "database/disclosure.dump";

    public const string TrailerPrefix = "DISCLOSURE-BACKUP-SHA256 ";

    /// <summary>The trailer: prefix, 64 hex digits, a newline.</summary>
    public static readonly int TrailerLength = Encoding.ASCII.GetByteCount(TrailerPrefix) + 64 + 1;

    /// <summary>The archive name for a backup started at <paramref name="utc"/>.</summary>
    public static string NameFor(DateTime utc) =>
        NamePrefix + ChinaTime.ToLocal(utc).ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture) + Extension;

    internal static byte[] Trailer(byte[] sha256) =>
        Encoding.ASCII.GetBytes(TrailerPrefix + Convert.ToHexStringLower(sha256) + "\n");

    /// <summary>The complete archives in <paramref name="folder"/>, newest first; partial (unfinished) files are never listed.</summary>
    public static IReadOnlyList<FileInfo> List(string folder) =>
        !Directory.Exists(folder)
            ? []
            : new DirectoryInfo(folder).EnumerateFiles(NamePrefix + "*" + Extension)
                .Where(f => f.Name.EndsWith(Extension, StringComparison.Ordinal))
                .OrderByDescending(f => f.Name, StringComparer.Ordinal)
                .ToList();

    /// <summary>
    /// Deletes what a backup that died left behind (<c>*.partial</c>). A backup in progress holds an exclusive lock on
    /// its <c>.tar.partial</c> for as long as it runs, and the lock goes with the process, so a partial file whose
    /// archive can be locked is stale, and one that cannot belongs to a backup still running.
    /// </summary>
    public static IReadOnlyList<string> DeleteStalePartials(string folder)
    {
        var deleted = new List<string>();
        if (!Directory.Exists(folder))
        {
            return deleted;
        }

        // "*.partial*": the partial archive, the database copy beside it and that copy's SQLite side files (-wal, -shm).
        foreach (var path in Directory.EnumerateFiles(folder, NamePrefix + "*" + PartialSuffix + "*"))
        {
            var archive = Path.Combine(folder, ArchiveNameOf(Path.GetFileName(path)) + PartialSuffix);
            if (IsInUse(archive))
            {
                continue;
            }

            try
            {
                File.Delete(path);
                deleted.Add(path);
            }
            catch (IOException)
            {
                // Taken by a backup that started a moment ago; the next run looks again.
            }
        }

        return deleted;
    }

    /// <summary><c>X.tar</c> for <c>X.tar.partial</c> and for its side files (<c>X.db.partial</c>, <c>X.dump.partial</c>).</summary>
    private static string ArchiveNameOf(string partialName)
    {
        var stem = partialName[..partialName.LastIndexOf(PartialSuffix, StringComparison.Ordinal)];
        var dot = stem.IndexOf('.', StringComparison.Ordinal);
        return (dot < 0 ? stem : stem[..dot]) + Extension;
    }

    private static bool IsInUse(string partialArchive)
    {
        if (!File.Exists(partialArchive))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(partialArchive, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }
}
