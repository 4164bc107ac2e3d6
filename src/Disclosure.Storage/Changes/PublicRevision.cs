using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage.Changes;

/// <summary>
/// The one-row revision of everything public that is not in the content change log. Together with the change
/// log's head it is the version every node's page cache and ETags are keyed by.
/// </summary>
public sealed class PublicRevision
{
    public const int RowId = 1;

    // Runs on SQLite (3.35+) and PostgreSQL alike. The row lock (PostgreSQL) or write lock (SQLite) is held until the
    // caller's transaction commits, so concurrent changes queue up and each leaves a higher revision behind.
    private const string BumpSql =
        """
        INSERT INTO "PublicRevision" ("Id", "Revision", "ChangedUtc") VALUES ({0}, 1, {1})
        ON CONFLICT ("Id") DO UPDATE SET "Revision" = "PublicRevision"."Revision" + 1, "ChangedUtc" = {1}
        """;

    public int Id { get; set; }

    public long Revision { get; set; }

    public DateTime ChangedUtc { get; set; }

    /// <summary>Bumps the revision in the context's current transaction, or on its own when there is none.</summary>
    public static Task BumpAsync(DbContext db, DateTime nowUtc, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(BumpSql, [RowId, nowUtc], cancellationToken);

    public static void Bump(DbContext db, DateTime nowUtc) => db.Database.ExecuteSqlRaw(BumpSql, RowId, nowUtc);
}
