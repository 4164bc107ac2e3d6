using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Disclosure.Storage;

/// <summary>Used only by tools/Disclosure.MigrationTool when scaffolding a migration (always on SQLite).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DisclosureDbContext>
{
    public DisclosureDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<DisclosureDbContext>();
        builder.UseSqlite("Data Source=:memory:");
        return new DisclosureDbContext(builder.Options);
    }
}
