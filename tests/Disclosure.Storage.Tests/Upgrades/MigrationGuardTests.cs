using System.Reflection;
using Disclosure.Modules;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Storage.Upgrades;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Storage.Tests.Upgrades;

/// <summary>
/// The data-loss guard: which migration operations lose data, and in the site's own migrate path a migration that
/// drops a table with rows stops before anything runs unless Storage:AllowDataLossMigrations, while a new database
/// (nothing to lose) installs.
/// </summary>
public sealed class MigrationGuardTests
{
    [Fact]
    public void Drops_and_deleting_sql_are_risks_and_their_tables_are_named()
    {
        var risks = DataLossInspector.Inspect("m",
        [
            new DropTableOperation { Name = "Topics" },
            new DropColumnOperation { Table = "ContentItems", Name = "DepartmentCode" },
            new SqlOperation { Sql = """DELETE FROM "Ledger" WHERE "Sequence" > 10""" },
            new SqlOperation { Sql = "TRUNCATE TABLE public.\"OutboxMessages\"" },
            new SqlOperation { Sql = """ALTER TABLE "Agencies" DROP COLUMN "Position";""" },
            new SqlOperation { Sql = "drop table if exists CaptchaChallenges" },
        ]);

        Assert.Equal(["Topics", "ContentItems", "Ledger", "OutboxMessages", "Agencies", "CaptchaChallenges"], risks.Select(r => r.Table));
        Assert.All(risks, r => Assert.Equal("m", r.MigrationId));
        Assert.Contains("删除数据表 ContentItems 的列 DepartmentCode", risks.Select(r => r.Description));
    }

    [Fact]
    public void Filling_renaming_and_constraint_changes_keep_the_rows()
    {
        var risks = DataLossInspector.Inspect("m",
        [
            new AddColumnOperation { Table = "ContentItems", Name = "AgencyCode", ClrType = typeof(string) },
            new CreateTableOperation { Name = "New" },
            new RenameTableOperation { Name = "Old", NewName = "New" },
            new DropIndexOperation { Name = "IX_Old" },
            new DropForeignKeyOperation { Table = "ContentVersions", Name = "FK_X" },
            new SqlOperation { Sql = """UPDATE "ContentItems" SET "AgencyCode" = (SELECT MIN("Code") FROM "Agencies") WHERE "AgencyCode" = ''""" },
            new SqlOperation { Sql = """ALTER TABLE "Agencies" DROP CONSTRAINT "FK_Y"; ALTER TABLE "Agencies" ALTER COLUMN "Name" DROP NOT NULL;""" },
            new SqlOperation { Sql = """INSERT INTO "Deleted" ("Note") VALUES ('deleted from list')""" },
        ]);

        Assert.Empty(risks);
    }

    [Fact]
    public void The_shipped_migrations_lose_no_data_going_up()
    {
        // If a migration ever must drop data, this test names it; the guard then asks the operator for the setting.
        var assembly = typeof(DisclosureDbContext).Assembly;
        var risky = assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<MigrationAttribute>() is not null)
            .SelectMany(t => DataLossInspector.Inspect(t.GetCustomAttribute<MigrationAttribute>()!.Id, ((Migration)Activator.CreateInstance(t)!).UpOperations))
            .ToList();
        Assert.Empty(risky);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_migration_dropping_a_table_with_rows_refuses_without_the_setting_and_runs_with_it(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await database.ApplyRecipesAsync("setup.json");
        var topics = await TopicCountAsync(database.Options);
        Assert.True(topics > 0);

        var refused = await Assert.ThrowsAsync<DataLossMigrationException>(() => StartAsync(database.Options, allowDataLoss: false));
        Assert.Contains($"{DropTopics.Id}：删除数据表 Topics", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:AllowDataLossMigrations=true", refused.Message, StringComparison.Ordinal);
        // Nothing ran: the rows and the history are as they were.
        Assert.Equal(topics, await TopicCountAsync(database.Options));
        Assert.DoesNotContain(DropTopics.Id, await AppliedAsync(database.Options));

        await StartAsync(database.Options, allowDataLoss: true);
        Assert.Contains(DropTopics.Id, await AppliedAsync(database.Options));
        Assert.Null(await TopicCountAsync(database.Options));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_new_database_has_nothing_to_lose_and_installs_without_the_setting(DatabaseProvider engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine, migrate: false);

        await StartAsync(database.Options, allowDataLoss: false);

        Assert.Contains(DropTopics.Id, await AppliedAsync(database.Options));
    }

    /// <summary>The site's start (SetupService: migrate, then setup if new) with the test migration added to the shipped ones.</summary>
    private static async Task StartAsync(StorageOptions options, bool allowDataLoss)
    {
        var withSetting = new StorageOptions
        {
            Provider = options.Provider, ConnectionString = options.ConnectionString, DataFolder = options.DataFolder, AllowDataLossMigrations = allowDataLoss,
        };
        await using var services = Services(withSetting);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SetupService>().RunAsync([]);
    }

    private static ServiceProvider Services(StorageOptions options)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDisclosureStorage(options).AddDisclosureModules(InstalledModules.All);
        services.ConfigureDbContext<DisclosureDbContext>(b => b.ReplaceService<IMigrationsAssembly, WithDropTopics>());
        return services.BuildServiceProvider();
    }

    private static async Task<long?> TopicCountAsync(StorageOptions options)
    {
        await using var services = Services(options);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        try
        {
            return await db.Database.SqlQueryRaw<long>("""SELECT COUNT(*) AS "Value" FROM "Topics" """).SingleAsync();
        }
        catch (System.Data.Common.DbException)
        {
            return null; // the table is gone
        }
    }

    private static async Task<List<string>> AppliedAsync(StorageOptions options)
    {
        await using var services = Services(options);
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Database.GetAppliedMigrationsAsync()).ToList();
    }

    /// <summary>A later release's migration that drops a table: what the guard is for.</summary>
    [DbContext(typeof(DisclosureDbContext))]
    [Migration(Id)]
    private sealed class DropTopics : Migration
    {
        public const string Id = "29991231000000_DropTopics";

        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Topics");
    }

    /// <summary>The shipped migrations plus <see cref="DropTopics"/> as the newest.</summary>
#pragma warning disable EF1001 // MigrationsAssembly is EF Core's own implementation; wrapping it keeps the shipped migrations exactly as found.
    private sealed class WithDropTopics(
        ICurrentDbContext currentContext, IDbContextOptions options, IMigrationsIdGenerator idGenerator, IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
        : IMigrationsAssembly
    {
        private readonly Microsoft.EntityFrameworkCore.Migrations.Internal.MigrationsAssembly _shipped = new(currentContext, options, idGenerator, logger);

        public IReadOnlyDictionary<string, TypeInfo> Migrations =>
            _shipped.Migrations.Append(new(DropTopics.Id, typeof(DropTopics).GetTypeInfo())).ToDictionary();

        public ModelSnapshot? ModelSnapshot => _shipped.ModelSnapshot;

        public Assembly Assembly => _shipped.Assembly;

        public string? FindMigrationId(string nameOrId) => nameOrId == DropTopics.Id ? nameOrId : _shipped.FindMigrationId(nameOrId);

        public Migration CreateMigration(TypeInfo migrationClass, string activeProvider) =>
            migrationClass.AsType() == typeof(DropTopics)
                ? new DropTopics { ActiveProvider = activeProvider }
                : _shipped.CreateMigration(migrationClass, activeProvider);
    }
#pragma warning restore EF1001
}
