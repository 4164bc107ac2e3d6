using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Disclosure.Storage.Changes;

/// <summary>Pulses <see cref="ChangeSignal"/> after a transaction that wrote change-log rows or bumped the public revision has committed, never before.</summary>
public sealed class ChangeSignalInterceptor(ChangeSignal signal) : DbTransactionInterceptor
{
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
