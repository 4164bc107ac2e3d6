using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Disclosure.Requests.Services;
using Disclosure.Storage.Content;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Disclosure.Storage.Tests.Upgrades;

/// <summary>
/// An office upgrading from an earlier release: the current code started on a database that release made
/// (tests/fixtures/releases/…, made by that commit's own code) migrates it with every row of every table kept, the
/// same items, 索引号 and versions byte for byte, and the records readable through the services and the 台账 still
/// verifiable.
/// </summary>
public sealed class ReleaseUpgradeTests
{
    /// <summary>Releases whose databases must upgrade; a new schema-changing release adds its folder here.</summary>
    public static TheoryData<string, DatabaseProvider> Releases => new()
    {
        { "216ea39", DatabaseProvider.Sqlite },
        { "216ea39", DatabaseProvider.PostgreSQL },
    };

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task A_database_made_by_an_earlier_release_keeps_every_row_after_the_migrations(string release, DatabaseProvider engine)
    {
        await using var database = await ReleaseFixture.OpenAsync(release, engine);
        var before = await RowCountsAsync(database);
        var contentBefore = await ContentFingerprintAsync(database);
        Assert.True(before["ContentItems"] >= 190 && before["ContentVersions"] > before["ContentItems"], "the fixture has items with several versions");
        Assert.True(before["InformationRequests"] > 30 && before["CreditPenalties"] > 200 && before["AnnualReports"] == 1 && before["SurveyAnswers"] > 0);
        var pending = await database.InScopeAsync(async sp => (await sp.GetRequiredService<DisclosureDbContext>().Database.GetPendingMigrationsAsync()).ToList());
        Assert.NotEmpty(pending); // the release is older than the current schema, or this test proves nothing

        // The site's own start: migrate (through the data-loss guard), and the setup recipe is not applied again.
        var applied = await database.InScopeAsync(sp => sp.GetRequiredService<SetupService>().RunAsync([Path.Combine(RepositoryPaths.Recipes, "setup.json")]));
        Assert.False(applied);

        var after = await RowCountsAsync(database);
        foreach (var (table, rows) in before)
        {
            Assert.True(after.TryGetValue(table, out var kept), $"table {table} is gone");
            Assert.True(rows == kept, $"{table}: {rows} rows before, {kept} after");
        }

        Assert.Equal(contentBefore, await ContentFingerprintAsync(database));
        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());

            // Readable through the services, not only countable: every published item, every application.
            var published = await sp.GetRequiredService<PublishedContentQuery>().ListAsync(new PublishedContentFilter(), 1, 1000);
            var publishedIds = await db.ContentVersions.Where(v => v.Status == Disclosure.Core.ContentManagement.ContentStatus.Published).Select(v => v.Item.ContentItemId).Distinct().ToListAsync();
            Assert.Equal(publishedIds.Order(StringComparer.Ordinal), published.Items.Select(p => p.Item.ContentItemId).Order(StringComparer.Ordinal));
            Assert.Contains(published.Items, p => p.Version.Title.EndsWith("（修订）", StringComparison.Ordinal) && p.Version.Number == 2);
            var requests = sp.GetRequiredService<RequestQueries>();
            foreach (var number in await db.Set<Disclosure.Requests.Data.InformationRequestRecord>().Select(r => r.Number).ToListAsync())
            {
                var request = await requests.FindAsync(number);
                Assert.NotNull(request);
                await requests.DeadlineAsync(request);
            }

            // The 台账 written by the old release still verifies with its key.
            Assert.Empty(await sp.GetRequiredService<IntegrityVerifier>().VerifyAsync());
        });
    }

    /// <summary>Each item's id, type, 索引号 and first publication, and a hash of every version's status and data.</summary>
    private static Task<List<string>> ContentFingerprintAsync(TestDatabase database) =>
        database.InScopeAsync(async sp =>
        {
            // Plain SQL on the columns the old release had, so the same query reads the database before and after.
            var rows = await QueryAsync(sp.GetRequiredService<DisclosureDbContext>(), """
                SELECT i."ContentItemId", i."ContentType", i."IndexNumber", i."FirstPublishedUtc", v."Number", v."Status", v."DataJson"
                FROM "ContentVersions" v JOIN "ContentItems" i ON i."Id" = v."ItemId"
                """);
            return rows.Select(r => string.Join('|', r.Take(6)) + '|' + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r[6]))))
                .Order(StringComparer.Ordinal).ToList();
        });

    /// <summary>Rows per table, for every table the database has (not the model: the old schema is read as it is).</summary>
    private static Task<Dictionary<string, long>> RowCountsAsync(TestDatabase database) =>
        database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<DisclosureDbContext>();
            var tables = await QueryAsync(db, db.Database.IsSqlite()
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '__EFMigrations%'");
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in tables.Select(t => t[0]))
            {
                counts[table] = long.Parse((await QueryAsync(db, $"SELECT COUNT(*) FROM \"{table}\""))[0][0], CultureInfo.InvariantCulture);
            }

            return counts;
        });

    private static async Task<List<string[]>> QueryAsync(DisclosureDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string[]>();
            while (await reader.ReadAsync())
            {
                var row = new string[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? "" : reader.GetValue(i) is DateTime time
                        ? time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)
                        : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
                }

                rows.Add(row);
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>A release's database from tests/fixtures/releases/{release}, copied for one test.</summary>
public static class ReleaseFixture
{
    public static string Folder(string release) => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "releases", release);

    /// <summary>
    /// SQLite: the file unpacked into a data folder of its own. PostgreSQL: the dump run into a new database on the
    /// test server. Either way with that site's 台账 key in the data folder.
    /// </summary>
    public static async Task<TestDatabase> OpenAsync(string release, DatabaseProvider engine)
    {
        var source = Path.Combine(Folder(release), engine == DatabaseProvider.Sqlite ? "sqlite" : "postgresql");
        var dataFolder = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Path.Combine(dataFolder, "keys"));
        foreach (var key in Directory.GetFiles(Path.Combine(source, "keys")))
        {
            File.Copy(key, Path.Combine(dataFolder, "keys", Path.GetFileName(key)));
        }

        if (engine == DatabaseProvider.Sqlite)
        {
            await using (var packed = GunzipStream(Path.Combine(source, "disclosure.db.gz")))
            await using (var file = File.Create(Path.Combine(dataFolder, "disclosure.db")))
            {
                await packed.CopyToAsync(file);
            }

            return TestDatabase.Adopt(new StorageOptions { Provider = engine, DataFolder = dataFolder }, null);
        }

        var name = await TestDatabase.CreateEmptyPostgresDatabaseAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer()) { Database = name }.ConnectionString;
        await RunDumpAsync(connectionString, Path.Combine(source, "disclosure.sql.gz"));
        return TestDatabase.Adopt(new StorageOptions { Provider = engine, ConnectionString = connectionString, DataFolder = dataFolder }, name);
    }

    private static GZipStream GunzipStream(string path) => new(File.OpenRead(path), CompressionMode.Decompress);

    /// <summary>
    /// Runs a plain pg_dump (INSERT statements) as psql would, less psql's own backslash commands. The dump sets the
    /// session's search_path to nothing, so its connection is not given back to the pool.
    /// </summary>
    private static async Task RunDumpAsync(string connectionString, string path)
    {
        using var reader = new StreamReader(GunzipStream(path), Encoding.UTF8);
        var sql = new StringBuilder();
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith('\\'))
            {
                sql.Append(line).Append('\n');
            }
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 300 }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.ToString(), connection);
        await command.ExecuteNonQueryAsync();
    }
}
