using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Disclosure.Backups;
using Disclosure.Backups.Services;
using Disclosure.Modules;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Tests.Backups;

/// <summary>Backup and restore services on real databases, as the commands compose them, for the tests of this folder.</summary>
internal static class BackupTestSupport
{
    /// <summary>The backup of a test database's site (the test database's own services bind no configuration).</summary>
    public static BackupService BackupOf(TestDatabase database, int delayMilliseconds = 0) =>
        new(database.Options, Options.Create(new BackupOptions { TestDelayMilliseconds = delayMilliseconds }), TimeProvider.System);

    /// <summary>The services of a restore target: its storage, the installed modules, and where the 台账 keys are.</summary>
    public static ServiceProvider TargetServices(StorageOptions storage, string? keysFolder = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDisclosureStorage(storage).AddDisclosureModules(InstalledModules.All);
        if (keysFolder is not null)
        {
            services.AddSingleton(Options.Create(new LedgerKeyOptions { KeysFolder = keysFolder }));
        }

        return services.BuildServiceProvider();
    }

    public static async Task<RestoreResult> RestoreAsync(StorageOptions target, string archive, string? keysFolder = null)
    {
        await using var services = TargetServices(target, keysFolder);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RestoreService>().RestoreAsync(archive, CancellationToken.None);
    }

    /// <summary>Rows in every table, counted here independently of the backup code.</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(StorageOptions storage)
    {
        await using var services = TargetServices(storage);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await ColumnAsync(connection, storage.Provider == DatabaseProvider.PostgreSQL
            ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = long.Parse((await ColumnAsync(connection, $"SELECT COUNT(*) FROM \"{table}\""))[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        await connection.CloseAsync();
        return counts;
    }

    /// <summary>Every content version as (item, number) → its recorded hash and a hash of its stored data.</summary>
    public static async Task<Dictionary<(string Item, int Number), string>> VersionHashesAsync(StorageOptions storage)
    {
        await using var services = TargetServices(storage);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var versions = await db.ContentVersions.AsNoTracking()
            .Select(v => new { v.Item.ContentItemId, v.Number, v.ContentHash, v.DataJson, v.Status })
            .ToListAsync();
        return versions.ToDictionary(
            v => (v.ContentItemId, v.Number),
            v => $"{v.ContentHash}|{v.Status}|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(v.DataJson)))}");
    }

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "disclosure-backup-tests", Guid.NewGuid().ToString("n"));
}
