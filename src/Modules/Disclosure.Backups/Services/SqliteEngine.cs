using Disclosure.Storage;
using Microsoft.Data.Sqlite;

namespace Disclosure.Backups.Services;

/// <summary>
/// SQLite: the copy is made with SQLite's online backup API in one step, which reads one consistent snapshot while
/// the site goes on writing (in WAL mode writers never wait for it); restore puts that file in place.
/// </summary>
internal sealed class SqliteEngine(StorageOptions storage) : DatabaseEngine
{
    private string DatabasePath => Path.GetFullPath(new SqliteConnectionStringBuilder(storage.ResolveConnectionString()).DataSource);

    public override string Provider => nameof(DatabaseProvider.Sqlite);

    public override string EntryName => Archive.BackupArchive.SqliteEntry;

    public override string CopyExtension => ".db";

    public override async Task<DatabaseFacts> CopyAsync(string path, CancellationToken cancellationToken)
    {
        var source = DatabasePath;
        if (!File.Exists(source))
        {
            throw new InvalidOperationException($"没有可备份的数据库：{source} 不存在。");
        }

        var sourceString = new SqliteConnectionStringBuilder(storage.ResolveConnectionString()) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        var copyString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        await using (var from = new SqliteConnection(sourceString))
        await using (var to = new SqliteConnection(copyString))
        {
            await from.OpenAsync(cancellationToken);
            await to.OpenAsync(cancellationToken);
            // One step (-1): every page is copied under a single read snapshot, so the copy is one point in time.
            await Task.Run(() => from.BackupDatabase(to), cancellationToken);
        }

        return await FactsOfAsync(path, cancellationToken);
    }

    public override Task<string?> NotEmptyReasonAsync(CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(DatabasePath) ? RefuseMessage($"数据库文件 {DatabasePath} 已存在") : null);

    public override string ExtractPath(string dataFolder) => DatabasePath;

    public override Task RestoreAsync(string extractedPath, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task<DatabaseFacts> ReadFactsAsync(CancellationToken cancellationToken) => FactsOfAsync(DatabasePath, cancellationToken);

    public override Task UndoAsync(CancellationToken cancellationToken)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(DatabasePath + suffix);
        }

        return Task.CompletedTask;
    }

    private static async Task<DatabaseFacts> FactsOfAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        return await DatabaseFacts.ReadAsync(connection, null, postgres: false, cancellationToken);
    }
}
