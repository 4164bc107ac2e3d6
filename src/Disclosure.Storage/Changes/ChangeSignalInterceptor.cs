using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Disclosure.Storage.Changes;

/// <summary>
/// Pulses <see cref="ChangeSignal"/> after a transaction that wrote change-log rows or bumped the public revision has
/// committed, never before, and tells the other nodes in that same transaction (<see cref="ChangeNotifier"/>).
/// Registered after <see cref="PublicRevisionInterceptor"/>, whose bump at commit is one such write.
/// </summary>
public sealed class ChangeSignalInterceptor(ChangeSignal signal, ChangeNotifier notifier) : DbTransactionInterceptor
{
    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is DisclosureDbContext { PublicChangeWritten: true } db)
        {
            notifier.Notify(db.Database);
        }

        return base.TransactionCommitting(transaction, eventData, result);
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is DisclosureDbContext { PublicChangeWritten: true } db)
        {
            await notifier.NotifyAsync(db.Database, cancellationToken);
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        Notify(eventData);
        base.TransactionCommitted(transaction, eventData);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Notify(eventData);
        return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        Forget(eventData);
        base.TransactionRolledBack(transaction, eventData);
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return base.TransactionRolledBackAsync(transaction, eventData, cancellationToken);
    }

    private void Notify(TransactionEndEventData eventData)
    {
        if (eventData.Context is DisclosureDbContext { PublicChangeWritten: true } db)
        {
            db.PublicChangeWritten = false;
            signal.Pulse();
        }
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is DisclosureDbContext db)
        {
            db.PublicChangeWritten = false;
        }
    }
}
