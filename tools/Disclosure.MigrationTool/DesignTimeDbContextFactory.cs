using Disclosure.Modules;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Disclosure.MigrationTool;

/// <summary>The context a migration is scaffolded from: SQLite, with the kernel's and every installed module's tables.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DisclosureDbContext>
{
    public DisclosureDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new StorageOptions { ConnectionString = "Data Source=:memory:" }, InstalledModules.All);
        return new DisclosureDbContext(builder.Options);
    }
}
