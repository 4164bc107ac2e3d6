using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Disclosure.Storage.Upgrades;

/// <summary>
/// One step of a pending migration that would throw data away: a dropped table or column, or SQL that deletes or
/// truncates rows. <see cref="Table"/> is null when the SQL does not say which table it touches.
/// </summary>
public sealed record DataLossRisk(string MigrationId, string? Table, string Description);

/// <summary>
/// Finds the operations of migrations that would lose data. Reads the migrations' operations only (what EF Core
/// would run), never the database: whether a risk matters for a given database is <see cref="MigrationGuard"/>'s call.
/// </summary>
public static partial class DataLossInspector
{
    public static IReadOnlyList<DataLossRisk> Inspect(string migrationId, IEnumerable<MigrationOperation> operations)
    {
        var risks = new List<DataLossRisk>();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case DropTableOperation drop:
                    risks.Add(new DataLossRisk(migrationId, drop.Name, $"删除数据表 {drop.Name}"));
                    break;
                case DropColumnOperation drop:
                    risks.Add(new DataLossRisk(migrationId, drop.Table, $"删除数据表 {drop.Table} 的列 {drop.Name}"));
                    break;
                case SqlOperation sql:
                    risks.AddRange(InspectSql(migrationId, sql.Sql));
                    break;
            }
        }

        return risks;
    }

    /// <summary>
    /// DELETE, TRUNCATE and DROP statements in raw SQL, with the table they name where it can be read. UPDATE and
    /// INSERT keep rows (they fill new columns, as AgencyTree and ContentOwnership do) and are not risks.
    /// </summary>
    private static IEnumerable<DataLossRisk> InspectSql(string migrationId, string sql)
    {
        foreach (Match match in DestructiveSqlRegex().Matches(sql))
        {
            var table = match.Groups["table"].Success ? match.Groups["table"].Value : null;
            var verb = match.Groups["verb"].Value.ToUpperInvariant();
            yield return new DataLossRisk(migrationId, table, table is null ? $"执行会删除数据的 SQL（{verb}）" : $"对数据表 {table} 执行 {verb}");
        }
    }

    // DELETE FROM "T", TRUNCATE [TABLE] "T", DROP TABLE [IF EXISTS] "T", ALTER TABLE "T" DROP [COLUMN] c; quotes and a
    // schema prefix optional. ALTER TABLE … DROP CONSTRAINT / DEFAULT / NOT NULL / IDENTITY / EXPRESSION keeps the rows.
    [GeneratedRegex("""\b(?<verb>DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|DROP\s+TABLE(?:\s+IF\s+EXISTS)?)\s+(?:(?:"?\w+"?\.)?"?(?<table>[A-Za-z_][A-Za-z0-9_]*)"?)?|\bALTER\s+TABLE\s+(?:"?\w+"?\.)?"?(?<table>[A-Za-z_][A-Za-z0-9_]*)"?\s+(?<verb>DROP)\s+(?!CONSTRAINT\b|DEFAULT\b|NOT\b|IDENTITY\b|EXPRESSION\b)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DestructiveSqlRegex();
}
