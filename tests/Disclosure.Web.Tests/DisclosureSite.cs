using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
