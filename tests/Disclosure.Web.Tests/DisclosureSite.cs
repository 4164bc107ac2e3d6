using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Disclosure.Web.Tests;

/// <summary>
/// The real web host, set up from the repository's recipes and demo content on a real database: a temporary
/// SQLite file by default, or a fresh database on the test PostgreSQL server.
/// </summary>
public sealed class DisclosureSite : WebApplicationFactory<Program>
{
    private readonly string _dataFolder;
    private readonly bool _ownsDataFolder;
    private readonly TestDatabase? _postgres;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly TimeProvider? _clock;
    private readonly bool _backgroundServices = true;

    public DisclosureSite()
        : this((string?)null, new Dictionary<string, string>())
    {
    }

    /// <summary>A site on an existing data folder (to restart a site on the same database), with extra settings.</summary>
    public DisclosureSite(string? dataFolder, IReadOnlyDictionary<string, string> settings)
    {
        _ownsDataFolder = dataFolder is null;
        _dataFolder = dataFolder ?? NewDataFolder();
        _settings = settings;
    }

    public string DataFolder => _dataFolder;

    /// <summary>The site's own PostgreSQL database, dropped with the site; null on SQLite.</summary>
    public TestDatabase? Postgres => _postgres;

    /// <summary>
    /// Settings of a site started with setup.json only, as a real office starts it: its identity, agency and
    /// departments from configuration (<c>Site:Identity</c>), no demo agency or content. The agency code is the one
    /// <see cref="Staff"/> belongs to.
    /// </summary>
    public static Dictionary<string, string> SetupOnly(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Setup:Recipes:0"] = "setup.json",
            ["Site:Identity:SiteName"] = "测试县政府信息公开网",
            ["Site:Identity:AgencyName"] = "测试县公安局",
            ["Site:Identity:AreaCode"] = "640121",
            ["Site:Identity:AgencyCode"] = "103",
            ["Site:Identity:Departments:0:Code"] = "zhzx",
            ["Site:Identity:Departments:0:Name"] = "指挥中心",
            ["Site:Identity:Departments:1:Code"] = "bgs",
            ["Site:Identity:Departments:1:Name"] = "办公室",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "disclosure-web-tests", Guid.NewGuid().ToString("n"));

    private DisclosureSite(TestDatabase postgres, IReadOnlyDictionary<string, string>? settings)
        : this((string?)null, settings ?? new Dictionary<string, string>()) => _postgres = postgres;

    /// <summary>A site on its own new PostgreSQL database (created unmigrated: the site's own setup migrates it).</summary>
    public static async Task<DisclosureSite> OnPostgresAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        new(await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL, migrate: false), settings);

    /// <summary>A site on <paramref name="engine"/> with <paramref name="settings"/>.</summary>
    public static async Task<DisclosureSite> OnAsync(DatabaseProvider engine, IReadOnlyDictionary<string, string> settings) =>
        engine == DatabaseProvider.PostgreSQL ? await OnPostgresAsync(settings) : new DisclosureSite((string?)null, settings);

    private DisclosureSite(string dataFolder, bool ownsDataFolder, TestDatabase? postgres, IReadOnlyDictionary<string, string> settings, TimeProvider? clock, bool backgroundServices)
    {
        _dataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
        _postgres = postgres;
        _settings = settings;
        _clock = clock;
        _backgroundServices = backgroundServices;
    }

    /// <summary>
    /// The demo site as its first start leaves it — migrated, setup.json and demo.json applied, the site identity seeded,
    /// the administrator created — on <paramref name="engine"/>, with <paramref name="clock"/> as the site's clock
    /// (default: the system clock) and extra <paramref name="settings"/>, started from a copy of that first start made
    /// once per test process, engine and clock time (<see cref="DemoTemplate"/>) instead of running it again: the first
    /// start (mostly the demo recipe) is most of what booting a site costs. Everything after set-up — the background
    /// services, the search index built from the change log, the tests' own staff — happens on the copy as on a new
    /// site. Settings that the first start reads (the recipes, the identity, the administrator, storage, the 台账 keys,
    /// the channels) are refused: a site that needs them starts with <c>new DisclosureSite(…)</c> and runs its own
    /// first start.
    /// </summary>
    public static async Task<DisclosureSite> DemoAsync(
        DatabaseProvider engine = DatabaseProvider.Sqlite, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null)
    {
        settings ??= new Dictionary<string, string>();
        if (settings.Keys.FirstOrDefault(ReadByFirstStart) is { } key)
        {
            throw new ArgumentException($"设置 {key} 影响首次启动，演示站点副本不能使用：请用 new DisclosureSite(…)。", nameof(settings));
        }

        var (folder, database) = await DemoCopyAsync(engine, clock);
        return new DisclosureSite(folder, ownsDataFolder: true, database, settings, clock, backgroundServices: true);
    }

    /// <summary>
    /// A copy of the demo's first start (see <see cref="DemoAsync"/>) for sites the caller starts on it in turn (a
    /// restart) or side by side (two nodes): a new data folder and, on PostgreSQL, a new database whose connection
    /// string the sites are given. The caller deletes the folder; disposing the database drops it.
    /// </summary>
    public static async Task<(string DataFolder, TestDatabase? Postgres)> DemoCopyAsync(DatabaseProvider engine = DatabaseProvider.Sqlite, TimeProvider? clock = null)
    {
        var template = await DemoTemplate.ForAsync(engine, clock);
        var folder = NewDataFolder();
        TestDatabase.CopyFolder(template.Folder, folder);
        return (folder, engine == DatabaseProvider.PostgreSQL ? await TestDatabase.CopyPostgresAsync(template.PostgresDatabase!) : null);
    }

    private static bool ReadByFirstStart(string setting) =>
        new[] { "Setup:", "Site:Identity:", "Storage:", "Ledger:", "Channels:", "DataProtection:" }.Any(p => setting.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The data folder (the SQLite file, the 台账 and data protection keys) and, on PostgreSQL, the database of a demo
    /// site's first start, one per engine, test process and clock time, that <see cref="DemoAsync"/> copies. It is made
    /// by the site itself, with the default settings and its background services removed, so it holds exactly what
    /// <c>SiteSetup</c> wrote before any of them would have started. The clock's time is part of the key because what
    /// the demo publishes depends on the day (双公示 records go public on their second working day, never after now);
    /// the system clock is one key.
    /// </summary>
    private static class DemoTemplate
    {
        private static readonly Lock Gate = new();
        private static readonly Dictionary<(DatabaseProvider, DateTimeOffset?), Lazy<Task<(string Folder, string? PostgresDatabase)>>> Made = [];

        public static Task<(string Folder, string? PostgresDatabase)> ForAsync(DatabaseProvider engine, TimeProvider? clock)
        {
            var at = clock is null || clock == TimeProvider.System ? (DateTimeOffset?)null : clock.GetUtcNow();
            Lazy<Task<(string, string?)>> template;
            lock (Gate)
            {
                if (!Made.TryGetValue((engine, at), out template!))
                {
                    // Made at most once per key; the keys' templates are made side by side, not in turn. Off the test's
                    // synchronization context: the first start blocks its thread until the host has started.
                    template = new(() => Task.Run(() => MakeAsync(engine, at)));
                    Made[(engine, at)] = template;
                }
            }

            return template.Value;
        }

        private static async Task<(string, string?)> MakeAsync(DatabaseProvider engine, DateTimeOffset? at)
        {
            var folder = NewDataFolder();
            var settings = new Dictionary<string, string>();
            string? name = null;
            if (engine == DatabaseProvider.PostgreSQL)
            {
                name = await TestDatabase.CreateEmptyPostgresDatabaseAsync();
                settings["Storage:Provider"] = "PostgreSQL";
                settings["Storage:ConnectionString"] = TestDatabase.PostgresConnectionString(name);
            }

            await using (var site = new DisclosureSite(folder, ownsDataFolder: false, null, settings, at is { } time ? new TestClock(time) : null, backgroundServices: false))
            {
                _ = site.Server; // the first start: migrations, the recipes, the site identity, the administrator
            }

            // No connection may be left open to a database used as a template.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (name is not null)
            {
                using var connection = new Npgsql.NpgsqlConnection(settings["Storage:ConnectionString"]);
                Npgsql.NpgsqlConnection.ClearPool(connection);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabase.DropAtExit(name);
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabase.DeleteAtExit(folder);
            return (folder, name);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Storage:DataFolder", _dataFolder);
        builder.UseSetting("Setup:RecipesFolder", RepositoryPaths.Recipes);
        builder.UseSetting("Setup:AdminPassword", "Test-Admin-2026!");
        // Tests fire hundreds of requests from one address; the limiter has its own test with its own settings.
        builder.UseSetting("RateLimiting:PermitsPerMinute", "0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_postgres is not null)
        {
            builder.UseSetting("Storage:Provider", "PostgreSQL");
            builder.UseSetting("Storage:ConnectionString", _postgres.Options.ConnectionString);
        }

        if (_clock is not null)
        {
            builder.ConfigureTestServices(s => s.AddSingleton(_clock));
        }

        if (!_backgroundServices)
        {
            builder.ConfigureTestServices(s => s.RemoveAll<IHostedService>());
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDataFolder && Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
