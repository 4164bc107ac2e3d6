using System.Data.Common;
using System.Globalization;
using Disclosure.Backups.Archive;

namespace Disclosure.Backups.Services;

/// <summary>
/// What the manifest records of a database, read over a plain connection (and transaction, on PostgreSQL the one
/// holding the exported snapshot pg_dump copies), so backup and restore read them in exactly the same way.
/// </summary>
public sealed record DatabaseFacts(IReadOnlyDictionary<string, long> RowCounts, long ChangeLogHead, LedgerHeadRecord? LedgerHead, IReadOnlyList<string> LedgerKeyIds)
{
    public static async Task<DatabaseFacts> ReadAsync(DbConnection connection, DbTransaction? transaction, bool postgres, CancellationToken cancellationToken)
    {
        var listTables = postgres
            ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        var tables = await RowsAsync(connection, transaction, listTables, r => r.GetString(0), cancellationToken);

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = await ScalarAsync(connection, transaction, $"SELECT COUNT(*) FROM {Quote(table)}", cancellationToken) ?? 0;
        }

        long changeLogHead = 0;
        LedgerHeadRecord? ledgerHead = null;
        var keyIds = new List<string>();
        if (tables.Contains("ChangeLog"))
        {
            changeLogHead = await ScalarAsync(connection, transaction, "SELECT MAX(\"Sequence\") FROM \"ChangeLog\"", cancellationToken) ?? 0;
        }

        if (tables.Contains("Ledger"))
        {
            ledgerHead = (await RowsAsync(
                connection,
                transaction,
                "SELECT \"Sequence\", \"Hash\", \"KeyId\" FROM \"Ledger\" ORDER BY \"Sequence\" DESC LIMIT 1",
                r => new LedgerHeadRecord(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)),
                cancellationToken)).FirstOrDefault();
            keyIds = await RowsAsync(connection, transaction, "SELECT DISTINCT \"KeyId\" FROM \"Ledger\" WHERE \"KeyId\" IS NOT NULL ORDER BY \"KeyId\"", r => r.GetString(0), cancellationToken);
        }

        return new DatabaseFacts(counts, changeLogHead, ledgerHead, keyIds);
    }

    /// <summary>How a restored database differs from the manifest, in zh-CN; empty when it matches.</summary>
    public IReadOnlyList<string> DifferencesFrom(BackupManifest manifest)
    {
        var differences = new List<string>();
        foreach (var (table, expected) in manifest.RowCounts)
        {
            var actual = RowCounts.GetValueOrDefault(table, -1);
            if (actual != expected)
            {
                differences.Add(actual < 0
                    ? $"表 {table} 不存在（清单中有 {expected} 行）。"
                    : $"表 {table} 有 {actual} 行，清单中为 {expected} 行。");
            }
        }

        foreach (var table in RowCounts.Keys.Where(t => !manifest.RowCounts.ContainsKey(t)))
        {
            differences.Add($"表 {table} 不在清单中。");
        }

        if (ChangeLogHead != manifest.ChangeLogHead)
        {
            differences.Add($"变更日志最新序号为 {ChangeLogHead}，清单中为 {manifest.ChangeLogHead}。");
        }

        if (LedgerHead != manifest.LedgerHead)
        {
            differences.Add($"台账链头为 {Describe(LedgerHead)}，清单中为 {Describe(manifest.LedgerHead)}。");
        }

        return differences;
    }

    private static string Describe(LedgerHeadRecord? head) =>
        head is null ? "空" : head.Sequence.ToString(CultureInfo.InvariantCulture) + ":" + head.Hash;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        return command;
    }

    private static async Task<List<T>> RowsAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var command = Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<long?> ScalarAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }
}
