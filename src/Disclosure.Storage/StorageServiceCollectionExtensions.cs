using Disclosure.Core.Calendar;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Calendar;
using Disclosure.Storage.Changes;
using Disclosure.Storage.Content;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Upgrades;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Disclosure.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddDisclosureStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChangeSignal>();
        services.AddSingleton<ChangeNotifier>();
        services.AddHostedService<ChangeListener>();
        services.AddSingleton<ChangeSignalInterceptor>();
        services.AddSingleton<ChangeLogHead>();
        services.AddSingleton<Replicas.ReadReplicaSelector>();
        services.AddScoped<Replicas.PublicReadDatabase>();
        services.AddSingleton<PublicRevisionInterceptor>();
        services.AddDbContext<DisclosureDbContext>((provider, builder) =>
        {
            Configure(builder, options, provider.GetServices<IDisclosureModule>());
            // In this order: the revision bump made as a transaction commits is a change the signal interceptor announces.
            builder.AddInterceptors(provider.GetRequiredService<PublicRevisionInterceptor>(), provider.GetRequiredService<ChangeSignalInterceptor>());
        });
        services.AddScoped<ContentDefinitionStore>();
        services.AddScoped<ContentManager>();
        services.AddScoped<AgencyDirectory>();
        services.AddScoped<AgencySiteStore>();
        services.AddSingleton<AgencyHostMap>();
        services.AddScoped<AgencyService>();
        services.AddScoped<PublishedContentQuery>();
        services.AddScoped<IndexNumberAllocator>();
        services.AddScoped<RecipeExecutor>();
        services.AddScoped<SetupService>();
        services.AddScoped<SetupNotices>();
        services.AddOptions<LedgerKeyOptions>();
        services.AddSingleton<LedgerKeyRing>();
        services.AddSingleton<LedgerSigningKey>();
        services.AddScoped<LedgerWriter>();
        services.AddSingleton<LedgerActionNames>();
        services.AddScoped<Settings.SiteIdentityStore>();
        services.AddScoped<LedgerHeads>();
        services.AddScoped<LedgerHistory>();
        services.AddScoped<SignedHeadsExport>();
        services.AddScoped<IntegrityVerifier>();
        services.AddSingleton<CalendarCache>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<IWorkingDayCalendarSource>(sp => sp.GetRequiredService<CalendarStore>());
        return services;
    }

    /// <summary>Points <paramref name="builder"/> at the database and gives it the model of the kernel and <paramref name="modules"/>.</summary>
    public static void Configure(DbContextOptionsBuilder builder, StorageOptions options, IEnumerable<IDisclosureModule> modules)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new ModuleModelExtension(modules.ToList()));
        var connectionString = options.ResolveConnectionString();
        if (options.Provider == DatabaseProvider.PostgreSQL)
        {
            builder.UseNpgsql(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        }
        else
        {
            builder.UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        }

        // Single queries, chosen explicitly: the collections loaded together (a review's decisions and findings, a
        // request's consultations and appeals) belong to one row and are short, so one consistent statement beats
        // split queries that could see different snapshots; a query that ever needs otherwise says AsSplitQuery().
        // (Left unset, EF Core logs a warning whenever such a query is compiled.)

        // One set of migrations serves both providers; its model snapshot was taken with SQLite, so on
        // PostgreSQL the snapshot's column types differ from the live model by design. Pending model changes
        // are caught by a test on SQLite instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>Applies migrations (refusing one that would lose data, see <see cref="MigrationGuard"/>); on SQLite also switches to WAL.</summary>
    public static Task MigrateAsync(this DisclosureDbContext db, CancellationToken cancellationToken = default) =>
        db.MigrateAsync(allowDataLoss: false, cancellationToken);

    /// <summary>
    /// Applies migrations; on SQLite also switches to WAL so readers never wait for a writer. Before anything runs,
    /// a pending migration that would drop or delete rows this database has stops it with a
    /// <see cref="DataLossMigrationException"/> unless <paramref name="allowDataLoss"/> (Storage:AllowDataLossMigrations).
    /// </summary>
    public static async Task MigrateAsync(this DisclosureDbContext db, bool allowDataLoss, CancellationToken cancellationToken = default)
    {
        await MigrationGuard.CheckAsync(db, allowDataLoss, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
