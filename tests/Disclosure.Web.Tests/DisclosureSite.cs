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
        : this(null, new Dictionary<string, string>())
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

    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "disclosure-web-tests", Guid.NewGuid().ToString("n"));

    private DisclosureSite(TestDatabase postgres)
        : this(null, new Dictionary<string, string>()) => _postgres = postgres;

    /// <summary>A site on its own new PostgreSQL database (created unmigrated: the site's own setup migrates it).</summary>
    public static async Task<DisclosureSite> OnPostgresAsync() =>
        new(await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL, migrate: false));

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
