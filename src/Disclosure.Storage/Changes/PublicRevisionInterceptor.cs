using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Disclosure.Storage.Changes;

/// <summary>
/// Bumps the <see cref="PublicRevision"/> whenever an <see cref="IPublicReadModel"/> entity is written, so no store
/// has to remember to: after SaveChanges that added, changed or deleted one, and after an ExecuteUpdate/ExecuteDelete
/// that touched rows of such a table. Inside a transaction the bump is made as it commits: it is part of the
/// transaction (readers never see the new revision without the change), and its row lock is the last one taken and
/// held only for the commit, so it neither serialises whole transactions nor joins a deadlock. Without a transaction it
/// follows the write, so a reader can at worst see the change a moment before its revision, never a revision whose
/// change is missing. This node's followers are pulsed once the change is committed, and other nodes told
/// (<see cref="ChangeSignalInterceptor"/>; here, directly, for a bump made on its own).
/// </summary>
public sealed partial class PublicRevisionInterceptor(ChangeSignal signal, ChangeNotifier notifier, TimeProvider clock) : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly ConcurrentDictionary<IModel, HashSet<string>> PublicTables = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is DisclosureDbContext { PublicRevisionDue: true } db && db.Database.CurrentTransaction is null)
        {
            BumpOnItsOwn(db);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DisclosureDbContext { PublicRevisionDue: true } db && db.Database.CurrentTransaction is null)
        {
            await BumpOnItsOwnAsync(db, cancellationToken);
        }

        return result;
    }

    // Inside a transaction, earlier writes may still commit; the rollback, if it comes, forgets the bump.
    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            Forget(eventData.Context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (result > 0 && eventData.Context is DisclosureDbContext db && WritesPublicTable(db, command, eventData))
        {
            db.PublicRevisionDue = true;
            if (db.Database.CurrentTransaction is null)
            {
                BumpOnItsOwn(db);
            }
        }

        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && eventData.Context is DisclosureDbContext db && WritesPublicTable(db, command, eventData))
        {
            db.PublicRevisionDue = true;
            if (db.Database.CurrentTransaction is null)
            {
                await BumpOnItsOwnAsync(db, cancellationToken);
            }
        }

        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is DisclosureDbContext { PublicRevisionDue: true } db)
        {
            db.PublicRevisionDue = false;
            PublicRevision.Bump(db, Now);
            db.PublicChangeWritten = true;
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DisclosureDbContext { PublicRevisionDue: true } db)
        {
            db.PublicRevisionDue = false;
            await PublicRevision.BumpAsync(db, Now, cancellationToken);
            db.PublicChangeWritten = true;
        }

        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The bump after a write made outside any transaction: it commits by itself, so announce and pulse now.</summary>
    private void BumpOnItsOwn(DisclosureDbContext db)
    {
        db.PublicRevisionDue = false;
        PublicRevision.Bump(db, Now);
        notifier.Notify(db.Database);
        signal.Pulse();
    }

    /// <inheritdoc cref="BumpOnItsOwn"/>
    private async Task BumpOnItsOwnAsync(DisclosureDbContext db, CancellationToken cancellationToken)
    {
        db.PublicRevisionDue = false;
        await PublicRevision.BumpAsync(db, Now, cancellationToken);
        await notifier.NotifyAsync(db.Database, cancellationToken);
        signal.Pulse();
    }

    private static void Remember(DbContext? context)
    {
        if (context is DisclosureDbContext db && db.ChangeTracker.Entries()
                .Any(e => e.Entity is IPublicReadModel && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            db.PublicRevisionDue = true;
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is DisclosureDbContext db)
        {
            db.PublicRevisionDue = false;
        }
    }

    /// <summary>An ExecuteUpdate or ExecuteDelete (bulk statements bypass SaveChanges) on the table of a public read model.</summary>
    private static bool WritesPublicTable(DbContext db, DbCommand command, CommandExecutedEventData eventData)
    {
        if (eventData.CommandSource is not (CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete))
        {
            return false;
        }

        var target = BulkTarget().Match(command.CommandText);
        return target.Success && PublicTablesOf(db.Model).Contains(target.Groups["table"].Value);
    }

    private static HashSet<string> PublicTablesOf(IModel model) => PublicTables.GetOrAdd(model, m => m.GetEntityTypes()
        .Where(t => typeof(IPublicReadModel).IsAssignableFrom(t.ClrType))
        .Select(t => t.GetTableName())
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal));

    [GeneratedRegex("""^\s*(?:UPDATE|DELETE\s+FROM)\s+"(?<table>[^"]+)"\s""", RegexOptions.IgnoreCase)]
    private static partial Regex BulkTarget();
}
