using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Disclosure.Bench.GraphQL;

/// <summary>
/// The real web host on a fresh SQLite database with the repository's setup and demo recipes, like the web tests' site.
/// The page cache and the rate limiter are off, so both contenders do their whole work on every request.
/// </summary>
public sealed class BenchSite(string repositoryRoot) : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("disclosure-bench-graphql-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataFolder", _dataFolder);
        builder.UseSetting("Setup:RecipesFolder", Path.Combine(repositoryRoot, "recipes"));
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
