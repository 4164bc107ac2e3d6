using Disclosure.Core.Recipes;
using Disclosure.Media;
using Disclosure.Modules;
using Disclosure.Storage;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Disclosure.Storage.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test on a real engine: a temporary SQLite file, or a new database on the
/// PostgreSQL server named by <c>DISCLOSURE_TEST_POSTGRES</c> (started by the test command). Without that
/// variable a PostgreSQL test fails; it never silently skips.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "DISCLOSURE_TEST_POSTGRES";

    private readonly string? _dataFolder;
    private readonly string? _postgresDatabase;
    private string? _postgresServer;

    private TestDatabase(DatabaseProvider provider, StorageOptions options, string? dataFolder, string? postgresDatabase, TimeProvider? clock, LedgerKeyOptions? ledgerKeys = null)
    {
        Provider = provider;
        Options = options;
        _dataFolder = dataFolder;
        _postgresDatabase = postgresDatabase;
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddDisclosureStorage(options).AddDisclosureModules(InstalledModules.All);
        if (ledgerKeys is not null)
        {
            services.AddSingleton(Microsoft.Extensions.Options.Options.Create(ledgerKeys));
        }

        services.AddSingleton(Attachments);
        services.AddSingleton<Disclosure.Contents.Review.IAttachmentTextSource>(Attachments);
        Services = services.BuildServiceProvider();
    }

    public DatabaseProvider Provider { get; }

    public StorageOptions Options { get; }

    public ServiceProvider Services { get; }

    /// <summary>Attachment texts the secrecy scan sees, by media path (the web host reads real files instead).</summary>
    public AttachmentTexts Attachments { get; } = new();

    /// <param name="clock">The time the storage services see (default: the system clock).</param>
    /// <remarks>
    /// A migrated database is a copy of one migrated once per test process and engine (<see cref="MigratedTemplate"/>):
    /// running every migration for each of several hundred tests was most of the suite's storage time. The copy is
    /// the real migrations' result, byte for byte; tests of a first start ask for <c>migrate: false</c> and migrate
    /// themselves.
    /// </remarks>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true, TimeProvider? clock = null)
    {
        var template = migrate ? await MigratedTemplate.ForAsync(provider) : null;
        // A data folder of its own on both engines: the SQLite file and the 台账 keys live there.
        var folder = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("n"));
        if (provider == DatabaseProvider.Sqlite)
        {
            if (template is not null)
            {
                MigratedTemplate.CopySqlite(template, folder);
            }

            return new TestDatabase(provider, new StorageOptions { Provider = provider, DataFolder = folder }, folder, null, clock);
        }

        var name = "disclosure_test_" + Guid.NewGuid().ToString("n");
        await CreatePostgresDatabaseAsync(name, template ?? "template0");
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        return new TestDatabase(provider, new StorageOptions { Provider = provider, ConnectionString = connectionString, DataFolder = folder }, folder, name, clock);
    }

    /// <summary>
    /// A new database holding the repository's setup and demo recipes, applied at the time <paramref name="clock"/> says
    /// (default: the system clock): a copy of one such database made once per test process, engine and clock time
    /// (<see cref="DemoTemplate"/>). Applying the demo is the costliest thing a storage test does, and many tests need
    /// only its result; a test of the recipes themselves applies them to a migrated database instead.
    /// </summary>
    public static async Task<TestDatabase> CreateDemoAsync(DatabaseProvider provider, TimeProvider? clock = null)
    {
        var template = await DemoTemplate.ForAsync(provider, clock);
        var folder = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("n"));
        // The whole data folder, not only the SQLite file: applying the demo writes the 台账 keys (whose MACs are in the
        // copied 台账) and may write media beside the database.
        CopyFolder(template.Folder, folder);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, new StorageOptions { Provider = provider, DataFolder = folder }, folder, null, clock);
        }

        var name = "disclosure_test_" + Guid.NewGuid().ToString("n");
        await CreatePostgresDatabaseAsync(name, template.PostgresDatabase!);
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = name, MaxPoolSize = 100 }.ConnectionString;
        return new TestDatabase(provider, new StorageOptions { Provider = provider, ConnectionString = connectionString, DataFolder = folder }, folder, name, clock);
    }

    /// <summary>
    /// A new database on the test server copied from <paramref name="template"/> (<c>CREATE DATABASE … TEMPLATE</c>: nobody
    /// may be connected to the template), with a data folder of its own; both are deleted with it.
    /// </summary>
    public static async Task<TestDatabase> CopyPostgresAsync(string template)
    {
        var name = "disclosure_test_" + Guid.NewGuid().ToString("n");
        await CreatePostgresDatabaseAsync(name, template);
        var folder = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("n"));
        var options = new StorageOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = PostgresConnectionString(name), DataFolder = folder };
        return new TestDatabase(DatabaseProvider.PostgreSQL, options, folder, name, null);
    }

    /// <summary>The connection string of a database on the test server, as the tests' sites and stores use it.</summary>
    public static string PostgresConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = database, MaxPoolSize = 100 }.ConnectionString;

    /// <summary>
    /// Copies a data folder with its subfolders, keeping each file's and folder's Unix permissions (the 台账 keys are
    /// readable by their owner only, as the key ring made them).
    /// </summary>
    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        }

        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyFolder(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    /// <summary>
    /// A database made elsewhere (a release's fixture): a SQLite file in <paramref name="options"/>' data folder or the
    /// PostgreSQL database <paramref name="postgresDatabase"/> on the test server; both are deleted with it.
    /// </summary>
    public static TestDatabase Adopt(StorageOptions options, string? postgresDatabase) =>
        new(options.Provider, options, options.DataFolder, postgresDatabase, null);

    /// <summary>
    /// A migrated database on the replicated test server (<c>DISCLOSURE_TEST_POSTGRES_REPLICATED</c>, started by the test
    /// command with a streaming hot standby, <c>DISCLOSURE_TEST_POSTGRES_STANDBY</c>), configured with that standby as
    /// its read replica (<see cref="StorageOptions.ReadReplicas"/>).
    /// </summary>
    public static async Task<TestDatabase> CreateReplicatedAsync()
    {
        var server = Required("DISCLOSURE_TEST_POSTGRES_REPLICATED");
        var standby = Required("DISCLOSURE_TEST_POSTGRES_STANDBY");
        var name = "disclosure_test_" + Guid.NewGuid().ToString("n");
        await CreatePostgresDatabaseAsync(name, "template0", server);
        var folder = Path.Combine(Path.GetTempPath(), "disclosure-tests", Guid.NewGuid().ToString("n"));
        var options = new StorageOptions
        {
            Provider = DatabaseProvider.PostgreSQL,
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
            ReadReplicas = [new NpgsqlConnectionStringBuilder(standby) { Database = name }.ConnectionString],
            DataFolder = folder,
        };
        var database = new TestDatabase(DatabaseProvider.PostgreSQL, options, folder, name, null) { _postgresServer = server };
        await database.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<DisclosureDbContext>().MigrateAsync();
            return 0;
        });
        return database;
    }

    /// <summary>An empty PostgreSQL database on the test server (nothing in it, not even migrations).</summary>
    public static async Task<string> CreateEmptyPostgresDatabaseAsync()
    {
        var name = "disclosure_test_" + Guid.NewGuid().ToString("n");
        await CreatePostgresDatabaseAsync(name, "template0");
        return name;
    }

    private static async Task CreatePostgresDatabaseAsync(string name, string template, string? server = null)
    {
        await using var admin = new NpgsqlConnection(server ?? PostgresServer());
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE \"{template}\"", admin);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// One migrated database per engine and test process, made by the real migrations on first use, that every
    /// migrated <see cref="TestDatabase"/> starts as a copy of: on SQLite the closed database file, on PostgreSQL a
    /// database used as <c>CREATE DATABASE … TEMPLATE</c> (which needs it to have no open connection, hence the pool
    /// cleared after migrating).
    /// </summary>
    private static class MigratedTemplate
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static readonly Dictionary<DatabaseProvider, string> Made = [];

        /// <summary>The template's SQLite data folder or PostgreSQL database name, made on first call.</summary>
        public static async Task<string> ForAsync(DatabaseProvider provider)
        {
            await Gate.WaitAsync();
            try
            {
                if (!Made.TryGetValue(provider, out var template))
                {
                    template = await MakeAsync(provider);
                    Made[provider] = template;
                }

                return template;
            }
            finally
            {
                Gate.Release();
            }
        }

        public static void CopySqlite(string templateFolder, string folder)
        {
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(templateFolder, "disclosure.db*"))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        private static async Task<string> MakeAsync(DatabaseProvider provider)
        {
            var folder = Path.Combine(Path.GetTempPath(), "disclosure-tests", "template-" + Guid.NewGuid().ToString("n"));
            string? name = null;
            StorageOptions options;
            if (provider == DatabaseProvider.Sqlite)
            {
                options = new StorageOptions { Provider = provider, DataFolder = folder };
            }
            else
            {
                name = "disclosure_template_" + Guid.NewGuid().ToString("n");
                await CreatePostgresDatabaseAsync(name, "template0");
                var connectionString = new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = name }.ConnectionString;
                options = new StorageOptions { Provider = provider, ConnectionString = connectionString, DataFolder = folder };
            }

            // Disposed with its services (not through DisposeAsync, which would drop what it made).
            var migrator = new TestDatabase(provider, options, null, null, null);
            await using (var scope = migrator.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().MigrateAsync();
            }

            await migrator.Services.DisposeAsync();
            if (name is null)
            {
                using var connection = new Microsoft.Data.Sqlite.SqliteConnection(options.ResolveConnectionString());
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
                return folder;
            }

            using (var connection = new NpgsqlConnection(options.ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAtExit(name);
            return name;
        }
    }

    /// <summary>
    /// One database per engine, test process and clock time with setup.json and demo.json applied by the real recipe
    /// executor, made on first use, that <see cref="CreateDemoAsync"/> copies: its data folder (the SQLite file, the 台账
    /// keys) and, on PostgreSQL, the database used as <c>CREATE DATABASE … TEMPLATE</c>. The clock's time is part of the
    /// key because what the demo publishes depends on the day it is applied (双公示 records are published on their
    /// second working day, never after now); the system clock is one key, read when the template is made.
    /// </summary>
    private static class DemoTemplate
    {
        private static readonly Lock Gate = new();
        private static readonly Dictionary<(DatabaseProvider, DateTimeOffset?), Lazy<Task<(string Folder, string? PostgresDatabase)>>> Made = [];

        public static Task<(string Folder, string? PostgresDatabase)> ForAsync(DatabaseProvider provider, TimeProvider? clock)
        {
            var key = (provider, clock is null || clock == TimeProvider.System ? (DateTimeOffset?)null : clock.GetUtcNow());
            Lazy<Task<(string, string?)>> template;
            lock (Gate)
            {
                if (!Made.TryGetValue(key, out template!))
                {
                    // Each key made at most once, and the engines' templates made at the same time rather than in turn.
                    var at = key.Item2;
                    template = new(() => MakeAsync(provider, at is { } time ? new FixedClock(time) : null));
                    Made[key] = template;
                }
            }

            return template.Value;
        }

        private static async Task<(string, string?)> MakeAsync(DatabaseProvider provider, TimeProvider? clock)
        {
            var database = await CreateAsync(provider, clock: clock);
            await database.ApplyRecipesAsync("setup.json", "demo.json");
            // Disposed with its services only (not through DisposeAsync, which would drop what it made), and no
            // connection left in a pool: PostgreSQL copies a template only while nobody is connected to it.
            await database.Services.DisposeAsync();
            var folder = database.Options.DataFolder;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAtExit(folder);
            if (provider == DatabaseProvider.Sqlite)
            {
                using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.Options.ResolveConnectionString());
                Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
                return (folder, null);
            }

            using (var connection = new NpgsqlConnection(database.Options.ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            var name = database._postgresDatabase!;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAtExit(name);
            return (folder, name);
        }
    }

    /// <summary>A clock that stays at one time: the demo template's, made at the time of the clock the test gave.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Deletes a template's data folder when the test process ends.</summary>
    public static void DeleteAtExit(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp folder left behind.
        }
    }

    /// <summary>Drops a template database when the test process ends, so a developer's own server does not keep one per run.</summary>
    public static void DropAtExit(string name)
    {
        try
        {
            using var admin = new NpgsqlConnection(PostgresServer());
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server may already be gone (the test command stops it); nothing is left to drop then.
        }
    }

    /// <summary>
    /// The same database and data folder seen by a second site (a restart with other 台账 key settings); disposing
    /// it leaves both to <paramref name="existing"/>.
    /// </summary>
    public static Task<TestDatabase> OpenAsync(TestDatabase existing, LedgerKeyOptions ledgerKeys) =>
        Task.FromResult(new TestDatabase(existing.Provider, existing.Options, null, null, null, ledgerKeys));

    /// <summary>The admin connection string of the test server, or a failure that says how to get one.</summary>
    public static string PostgresServer() => Required(PostgresVariable);

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"未设置环境变量 {variable}：PostgreSQL 测试需要真实服务器。请用 README 中的测试命令（build/test.sh）运行，它会安装并启动 PostgreSQL（及复制测试用的热备库）。");

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>Runs an action in its own DI scope (its own DbContext), as a separate request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> action) =>
        InScopeAsync<bool>(async sp =>
        {
            await action(sp);
            return true;
        });

    /// <summary>Runs an action in its own scope inside a transaction that is then rolled back: as if it never happened.</summary>
    public Task RolledBackAsync(Func<IServiceProvider, Task> action) =>
        InScopeAsync(async sp =>
        {
            await using var transaction = await sp.GetRequiredService<DisclosureDbContext>().Database.BeginTransactionAsync();
            await action(sp);
            await transaction.RollbackAsync();
        });

    /// <summary>Applies the repository's own recipes (setup, and demo content when asked).</summary>
    public Task ApplyRecipesAsync(params string[] recipeFiles) =>
        InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ApplyAsync(
            recipeFiles.Select(f => InstalledModules.ReadRecipe(Path.Combine(RepositoryPaths.Recipes, f))).ToList()));

    /// <summary>
    /// The setup recipe and the demo office (the settings and agencies of demo.json, not its content): what tests
    /// that draft, review and publish need now that setup.json names no agency.
    /// </summary>
    public Task ApplySetupAndDemoOfficeAsync() =>
        InScopeAsync(sp => sp.GetRequiredService<RecipeExecutor>().ApplyAsync(
        [
            InstalledModules.ReadRecipe(Path.Combine(RepositoryPaths.Recipes, "setup.json")),
            InstalledModules.ReadRecipe(Path.Combine(RepositoryPaths.Recipes, "demo.json")).Only("demo-organisation", s => s is SettingsStep or AgenciesStep),
        ]));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_dataFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temp folder behind; it must not fail the test.
            }
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresServer ?? PostgresServer());
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>Both engines, for tests that must behave the same on each.</summary>
public static class Engines
{
    public static TheoryData<DatabaseProvider> All => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL };
}

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Recipes => Path.Combine(Root, "recipes");

    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Disclosure.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Disclosure.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// Attachment texts keyed by media path, standing in for files on disk in storage-level tests. A path never added
/// reads as a missing file does in the real source: not scanned.
/// </summary>
public sealed class AttachmentTexts : Disclosure.Contents.Review.IAttachmentTextSource
{
    private readonly Dictionary<string, Disclosure.Contents.Review.AttachmentReading> _readings = new();

    public void Add(string path, string text) => _readings[path] = Disclosure.Contents.Review.AttachmentReading.Scanned(text);

    /// <summary>A file whose text can't be read (an image, a scanned PDF), with the reason the real source would give.</summary>
    public void AddUnreadable(string path, string reason) => _readings[path] = Disclosure.Contents.Review.AttachmentReading.NotScanned(reason);

    public Task<Disclosure.Contents.Review.AttachmentReading> ReadAsync(string path, CancellationToken cancellationToken) =>
        Task.FromResult(_readings.GetValueOrDefault(path) ?? Disclosure.Contents.Review.AttachmentReading.NotScanned("找不到附件文件"));
}
