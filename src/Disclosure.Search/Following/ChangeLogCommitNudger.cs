using System.Data.Common;
using System.Runtime.CompilerServices;
using Disclosure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Disclosure.Search.Following;

/// <summary>
/// Wakes the follower the moment a transaction that appended to the change log commits on this node, so a
/// withdrawal (撤回) leaves the results at once instead of at the next poll. Other nodes learn of it by polling.
/// </summary>
internal sealed class ChangeLogCommitNudger(Lazy<SearchIndexer> indexer) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();
    private static readonly object Marker = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NudgeIfCommitted(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NudgeIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Nudge(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Nudge(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Mark(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<ChangeLogEntry>().Any(e => e.State == EntityState.Added))
        {
            Pending.AddOrUpdate(context, Marker);
        }
    }

    private void NudgeIfCommitted(DbContext? context)
    {
        // Without an explicit transaction SaveChanges commits by itself.
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Nudge(context);
        }
    }

    private void Nudge(DbContext? context)
    {
        if (context is not null && Pending.Remove(context))
        {
            indexer.Value.Nudge();
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }
}
