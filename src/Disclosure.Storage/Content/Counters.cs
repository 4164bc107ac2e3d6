using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Disclosure.Storage.Content;

/// <summary>
/// Named counters incremented inside the caller's transaction. The row lock taken by the upsert (PostgreSQL)
/// or the database write lock (SQLite) is held until commit, so concurrent callers queue up, each gets the next
/// number, and a rolled-back transaction gives its number back instead of leaving a hole.
/// </summary>
public static class Counters
{
    // The same statement runs on SQLite (3.35+) and PostgreSQL.
    private const string NextSql =
        """
        INSERT INTO "Counters" ("Name", "Value") VALUES (@name, @count)
        ON CONFLICT ("Name") DO UPDATE SET "Value" = "Counters"."Value" + @count
        RETURNING "Value"
        """;

    public const string ChangeLog = "changelog";

    public static string IndexNumberScope(string scope) => "index:" + scope;

    public static Task<long> NextAsync(DisclosureDbContext db, string name, CancellationToken cancellationToken) =>
        ReserveAsync(db, name, 1, cancellationToken);

    /// <summary>Raises a counter to at least <paramref name="value"/> (an import keeping numbers handed out elsewhere); never lowers it.</summary>
    public static async Task RaiseAsync(DisclosureDbContext db, string name, long value, CancellationToken cancellationToken)
    {
        var current = await db.Counters.AsNoTracking().Where(c => c.Name == name).Select(c => (long?)c.Value).SingleOrDefaultAsync(cancellationToken) ?? 0;
        if (value > current)
        {
            await ReserveAsync(db, name, value - current, cancellationToken);
        }
    }

    /// <summary>Takes <paramref name="count"/> consecutive numbers at once (bulk generation) and returns the last of them.</summary>
    public static async Task<long> ReserveAsync(DisclosureDbContext db, string name, long count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Counters are only taken inside a transaction.");
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = NextSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@name";
        parameter.Value = name;
        command.Parameters.Add(parameter);
        var countParameter = command.CreateParameter();
        countParameter.ParameterName = "@count";
        countParameter.Value = count;
        command.Parameters.Add(countParameter);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
