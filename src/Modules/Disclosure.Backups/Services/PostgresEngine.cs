using System.Data;
using System.Diagnostics;
using System.Globalization;
using Disclosure.Storage;
using Npgsql;

namespace Disclosure.Backups.Services;

/// <summary>
/// PostgreSQL: a repeatable-read transaction exports its snapshot, the manifest's counts and heads are read in it,
/// and <c>pg_dump --snapshot</c> dumps exactly that snapshot in its custom format while the site goes on writing.
/// Restore is <c>pg_restore --single-transaction</c> into an empty database (no tables in schema public).
/// </summary>
internal sealed class PostgresEngine(StorageOptions storage, BackupOptions options) : DatabaseEngine
{
    public override string Provider => nameof(DatabaseProvider.PostgreSQL);

    public override string EntryName => Archive.BackupArchive.PostgresEntry;

    public override string CopyExtension => ".dump";

    public override async Task<DatabaseFacts> CopyAsync(string path, CancellationToken cancellationToken)
    {
        var pgDump = PostgresTools.Find("pg_dump", options.PgDumpPath);
        await using var connection = new NpgsqlConnection(storage.ResolveConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
        }

        string snapshot;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction))
        {
            snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        }

        var facts = await DatabaseFacts.ReadAsync(connection, transaction, postgres: true, cancellationToken);
        await PostgresTools.RunAsync(pgDump, ["--format=custom", "--snapshot=" + snapshot, "--file=" + path], Connection(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return facts;
    }

    public override async Task<string?> NotEmptyReasonAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(storage.ResolveConnectionString());
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            return $"无法连接 Storage:ConnectionString 指定的 PostgreSQL 数据库（{exception.Message}），请先建好一个空数据库。未做任何改动。";
        }

        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        var tables = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return tables == 0 ? null : RefuseMessage($"PostgreSQL 数据库“{connection.Database}”的 public 模式中已有 {tables.ToString(CultureInfo.InvariantCulture)} 张表");
    }

    public override string ExtractPath(string dataFolder) =>
        Path.Combine(dataFolder, "restore-" + Guid.NewGuid().ToString("n") + ".dump" + Archive.BackupArchive.PartialSuffix);

    public override async Task RestoreAsync(string extractedPath, CancellationToken cancellationToken)
    {
        var pgRestore = PostgresTools.Find("pg_restore", options.PgRestorePath);
        try
        {
            // One transaction: a failing restore leaves the database as empty as it was.
            await PostgresTools.RunAsync(pgRestore, ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", "--dbname=" + Connection().Database, extractedPath], Connection(), cancellationToken);
        }
        finally
        {
            File.Delete(extractedPath);
        }
    }

    public override async Task<DatabaseFacts> ReadFactsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(storage.ResolveConnectionString());
        await connection.OpenAsync(cancellationToken);
        return await DatabaseFacts.ReadAsync(connection, null, postgres: true, cancellationToken);
    }

    public override async Task UndoAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(storage.ResolveConnectionString());
        await connection.OpenAsync(cancellationToken);
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables.Add("\"" + reader.GetString(0).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
            }
        }

        if (tables.Count > 0)
        {
            await using var drop = new NpgsqlCommand($"DROP TABLE {string.Join(", ", tables)} CASCADE", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private NpgsqlConnectionStringBuilder Connection() => new(storage.ResolveConnectionString());
}

/// <summary>Finds and runs pg_dump and pg_restore, passing the connection through libpq's environment variables (never the command line).</summary>
internal static class PostgresTools
{
    public static string Find(string tool, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"配置的 {tool}（{configured}）不存在。");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        // Debian's packages put them under /usr/lib/postgresql/<version>/bin; the newest can dump every older server.
        const string debian = "/usr/lib/postgresql";
        var installed = Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(folder => (Version: int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1, Path: Path.Combine(folder, "bin", tool)))
                .Where(c => c.Version >= 0 && File.Exists(c.Path))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Path)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException($"找不到 {tool}：请安装 PostgreSQL 客户端工具，或在 Backup:{(tool == "pg_dump" ? "PgDumpPath" : "PgRestorePath")} 中配置其路径。");
    }

    public static async Task RunAsync(string tool, IReadOnlyList<string> arguments, NpgsqlConnectionStringBuilder connection, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGCONNECT_TIMEOUT"] = "30";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"无法启动 {tool}。");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(tool)} 执行失败（退出码 {process.ExitCode.ToString(CultureInfo.InvariantCulture)}）：{(await error).Trim()}");
        }
    }
}
