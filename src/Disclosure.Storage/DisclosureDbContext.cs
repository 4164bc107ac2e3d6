using Disclosure.Storage.Agencies;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Identity;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Disclosure.Storage;

/// <summary>
/// The one database of a Disclosure site. The model uses only portable column types so that SQLite and
/// PostgreSQL run the same migrations.
/// </summary>
public sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options)
    : IdentityDbContext<DisclosureUser, DisclosureRole, string>(options)
{
    /// <summary>
    /// Set when this unit of work appended to the change log or bumped the <see cref="Changes.PublicRevision"/>;
    /// <see cref="Changes.ChangeSignalInterceptor"/> reads it at commit.
    /// </summary>
    internal bool PublicChangeWritten { get; set; }

    /// <summary>Set when this unit of work wrote an <see cref="Changes.IPublicReadModel"/>; <see cref="Changes.PublicRevisionInterceptor"/> bumps the revision as it commits.</summary>
    internal bool PublicRevisionDue { get; set; }

    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();
    public DbSet<ContentVersionRecord> ContentVersions => Set<ContentVersionRecord>();
    public DbSet<ChangeLogEntry> ChangeLog => Set<ChangeLogEntry>();
    public DbSet<ContentTypeRecord> ContentTypes => Set<ContentTypeRecord>();
    public DbSet<AgencyRecord> Agencies => Set<AgencyRecord>();
    public DbSet<DepartmentRecord> Departments => Set<DepartmentRecord>();
    public DbSet<AgencySettingRecord> AgencySettings => Set<AgencySettingRecord>();
    public DbSet<CatalogueClassRecord> CatalogueClasses => Set<CatalogueClassRecord>();
    public DbSet<TopicRecord> Topics => Set<TopicRecord>();
    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<RecipeExecution> RecipeExecutions => Set<RecipeExecution>();
    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();
    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();
    public DbSet<AgencyCalendarDayRecord> AgencyCalendarDays => Set<AgencyCalendarDayRecord>();
    public DbSet<AgencyMembershipRecord> AgencyMemberships => Set<AgencyMembershipRecord>();
    public DbSet<Changes.PublicRevision> PublicRevisions => Set<Changes.PublicRevision>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AgencyOwnership.EnsureOwned(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AgencyOwnership.EnsureOwned(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored and read back as UTC: PostgreSQL's timestamptz insists on it and SQLite
        // would otherwise hand back DateTimeKind.Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Every table is mapped by an IEntityTypeConfiguration<T> beside its entity: the kernel's here, each module's
        // in its own assembly.
        builder.ApplyConfigurationsFromAssembly(typeof(DisclosureDbContext).Assembly);
        foreach (var module in this.GetService<IDbContextOptions>().FindExtension<ModuleModelExtension>()?.Modules ?? [])
        {
            module.ConfigureModel(builder);
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
