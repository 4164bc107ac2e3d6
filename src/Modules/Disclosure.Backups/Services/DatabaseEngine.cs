using Disclosure.Backups.Archive;
using Disclosure.Storage;

namespace Disclosure.Backups.Services;

/// <summary>How one database engine is copied out while the site runs and restored into an empty database.</summary>
public abstract class DatabaseEngine
{
    public static DatabaseEngine For(StorageOptions storage, BackupOptions options) =>
        storage.Provider == DatabaseProvider.PostgreSQL
            ? new PostgresEngine(storage, options)
            : new SqliteEngine(storage);

    /// <summary><c>Sqlite</c> or <c>PostgreSQL</c>, as the manifest records it.</summary>
    public abstract string Provider { get; }

    /// <summary>The archive entry that holds the database.</summary>
    public abstract string EntryName { get; }

    /// <summary>The side file's extension while the copy waits to go into the archive.</summary>
    public abstract string CopyExtension { get; }

    /// <summary>Writes a consistent copy of the live database to <paramref name="path"/> and returns the facts of exactly that copy.</summary>
    public abstract Task<DatabaseFacts> CopyAsync(string path, CancellationToken cancellationToken);

    /// <summary>Why the target database cannot be restored into (zh-CN), or null when it is empty.</summary>
    public abstract Task<string?> NotEmptyReasonAsync(CancellationToken cancellationToken);

    /// <summary>Where the archive's database entry is extracted to before <see cref="RestoreAsync"/>.</summary>
    public abstract string ExtractPath(string dataFolder);

    /// <summary>Loads the extracted entry into the target database (SQLite: it already is the database).</summary>
    public abstract Task RestoreAsync(string extractedPath, CancellationToken cancellationToken);

    public abstract Task<DatabaseFacts> ReadFactsAsync(CancellationToken cancellationToken);

    /// <summary>Takes a failed restore back out, leaving the target empty as it was.</summary>
    public abstract Task UndoAsync(CancellationToken cancellationToken);

    internal static string RefuseMessage(string what) => $"恢复目标不是空的：{what}。恢复只能在空的数据目录（和空的数据库）中进行，未做任何改动。";
}
