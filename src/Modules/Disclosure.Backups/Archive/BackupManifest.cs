using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Disclosure.Backups.Archive;

/// <summary>
/// <c>manifest.json</c>, the last entry of an archive: what the database held when it was copied (rows per table,
/// the change-log head, the 台账 head and the ids of its keys) and the SHA-256 of every other entry.
/// </summary>
public sealed record BackupManifest
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public DateTime CreatedUtc { get; init; }

    /// <summary><c>Sqlite</c> or <c>PostgreSQL</c>: which engine the database entry is for.</summary>
    public required string Provider { get; init; }

    /// <summary>The archive entry holding the database (a SQLite file, or a pg_dump custom-format dump).</summary>
    public required string DatabaseEntry { get; init; }

    public required IReadOnlyDictionary<string, long> RowCounts { get; init; }

    /// <summary>The highest change-log sequence number, 0 when the change log is empty.</summary>
    public long ChangeLogHead { get; init; }

    /// <summary>The last 台账 entry; null for an empty 台账.</summary>
    public LedgerHeadRecord? LedgerHead { get; init; }

    /// <summary>The ids of the 台账 keys the entries were MACed with. The keys themselves are never in an archive.</summary>
    public required IReadOnlyList<string> LedgerKeyIds { get; init; }

    public required IReadOnlyList<ArchivedFile> Files { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <exception cref="BackupArchiveException">The bytes are not a manifest.</exception>
    public static BackupManifest Parse(byte[] json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json) ?? throw new JsonException();
            return manifest.Format == CurrentFormat
                ? manifest
                : throw new BackupArchiveException($"备份文件的清单格式版本为 {manifest.Format}，本程序只能读取版本 {CurrentFormat}。");
        }
        catch (JsonException)
        {
            throw new BackupArchiveException("备份文件中的清单（manifest.json）无法读取，备份文件已损坏。");
        }
    }
}

public sealed record LedgerHeadRecord(long Sequence, string Hash, string? KeyId);

/// <summary>One entry of the archive: its path inside the archive, its size and its SHA-256 (lower-case hex).</summary>
public sealed record ArchivedFile(string Path, long Size, string Sha256);

/// <summary>An archive that cannot be restored (damaged, incomplete, not a backup); the message is zh-CN for the operator.</summary>
public sealed class BackupArchiveException : Exception
{
    public BackupArchiveException(string message)
        : base(message)
    {
    }

    /// <summary>Keeps the reader's own exception for the log while the operator sees only <paramref name="message"/>.</summary>
    public BackupArchiveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
