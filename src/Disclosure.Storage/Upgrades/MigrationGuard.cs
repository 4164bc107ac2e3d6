using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Disclosure.Storage.Upgrades;

/// <summary>
/// Checked before migrating: a pending migration that would drop a table or column, or delete or truncate rows,
/// refuses to run against a database that has rows there, unless <see cref="StorageOptions.AllowDataLossMigrations"/>
/// says the operator has a backup and means it. A new database (or a table created by an earlier migration of the
/// same run) has nothing to lose, so a first install is never held up by the history's own clean-ups.
/// </summary>
public static class MigrationGuard
{
    /// <summary>The setting that lets a data-losing migration run, as an operator writes it.</summary>
    public const string SettingName = "Storage:AllowDataLossMigrations";

    /// <summary>The risks of the pending migrations that would touch rows this database has.</summary>
    public static async Task<IReadOnlyList<DataLossRisk>> FindAsync(DisclosureDbContext db, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return [];
        }

        var assembly = db.GetService<IMigrationsAssembly>();
        var provider = db.Database.ProviderName;
        var risks = new List<DataLossRisk>();
        foreach (var id in pending)
        {
            var migration = assembly.CreateMigration(assembly.Migrations[id], provider!);
            risks.AddRange(DataLossInspector.Inspect(id, migration.UpOperations));
        }

        if (risks.Count == 0)
        {
            return [];
        }

        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
        var rows = new Dictionary<string, bool>(StringComparer.Ordinal);
        var found = new List<DataLossRisk>();
        foreach (var risk in risks)
        {
            if (risk.Table is null)
            {
                // SQL that names no table we can read: it matters wherever there is data at all.
                if (applied)
                {
                    found.Add(risk);
                }

                continue;
            }

            if (!rows.TryGetValue(risk.Table, out var hasRows))
            {
                hasRows = await HasRowsAsync(db, risk.Table, cancellationToken);
                rows[risk.Table] = hasRows;
            }

            if (hasRows)
            {
                found.Add(risk);
            }
        }

        return found;
    }

    /// <summary>Throws with the risks in zh-CN unless <paramref name="allowDataLoss"/>; changes nothing.</summary>
    public static async Task CheckAsync(DisclosureDbContext db, bool allowDataLoss, CancellationToken cancellationToken = default)
    {
        if (allowDataLoss)
        {
            return;
        }

        var risks = await FindAsync(db, cancellationToken);
        if (risks.Count > 0)
        {
            throw new DataLossMigrationException(risks);
        }
    }

    /// <summary>Whether the table exists and has a row; a table not made yet has none.</summary>
    private static async Task<bool> HasRowsAsync(DisclosureDbContext db, string table, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (DbCommand exists = connection.CreateCommand())
            {
                exists.CommandText = db.Database.IsSqlite()
                    ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name"
                    : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name";
                var parameter = exists.CreateParameter();
                parameter.ParameterName = "@name";
                parameter.Value = table;
                exists.Parameters.Add(parameter);
                if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
                {
                    return false;
                }
            }

            await using DbCommand any = connection.CreateCommand();
            // The name comes from a migration's operation or the pattern's word characters, never from a user.
#pragma warning disable CA2100
            any.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM \"{table}\" LIMIT 1) AS t";
#pragma warning restore CA2100
            return Convert.ToInt64(await any.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>A migration would lose data and the operator has not allowed it: the site does not start.</summary>
public sealed class DataLossMigrationException(IReadOnlyList<DataLossRisk> risks) : InvalidOperationException(Describe(risks))
{
    public IReadOnlyList<DataLossRisk> Risks { get; } = risks;

    private static string Describe(IReadOnlyList<DataLossRisk> risks) =>
        "待执行的数据库迁移会删除已有数据，已停止升级，数据库未作任何改动：" + Environment.NewLine
        + string.Join(Environment.NewLine, risks.Select(r => $"  - {r.MigrationId}：{r.Description}")) + Environment.NewLine
        + $"请先备份数据库（见 README“升级”一节），确认这些数据可以舍弃后，设置 {MigrationGuard.SettingName}=true 再启动；升级完成后请删除该设置。";
}
