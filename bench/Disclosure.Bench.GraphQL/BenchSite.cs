using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Disclosure.Bench.GraphQL;

/// <summary>
/// The real web host on a fresh SQLite database with the repository's setup and demo recipes, like the web tests' site.
/// The page cache and the rate limiter are off, so both contenders do their whole work on every request.
/// </summary>
public sealed class BenchSite : WebApplicationFactory<Program>
{
    private readonly string _repositoryRoot;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("disclosure-bench-graphql-").FullName;

    public BenchSite(string repositoryRoot)
    {
        _repositoryRoot = repositoryRoot;
        // The factory looks for the web project beside the solution by its assembly name; it lives under src/.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_DISCLOSURE_WEB", Path.Combine(repositoryRoot, "src", "Disclosure.Web"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataFolder", _dataFolder);
        builder.UseSetting("Setup:RecipesFolder", Path.Combine(_repositoryRoot, "recipes"));
        builder.UseSetting("Setup:AdminPassword", "Bench-Admin-2026!");
        builder.UseSetting("RateLimiting:PermitsPerMinute", "0");
        builder.UseSetting("Site:Cache:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
