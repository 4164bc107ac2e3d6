using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Disclosure.Storage.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Disclosure.Channels.Outbox;

/// <summary>
/// Wakes this node's dispatcher when a transaction that wrote outbox rows commits, so a publication is delivered
/// at once instead of at the next poll, and whenever the <see cref="ChangeSignal"/> fires: for a change on another
/// node (announced through the change notifications) that is the moment its outbox rows are there to claim, as a
/// publication writes them in the same transaction as its change-log entry. The poll still finds everything else.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    public OutboxSignal(ChangeSignal changes) => changes.Changed += Wake;

    /// <summary>Asks for a wake-up when <paramref name="db"/>'s current transaction commits (or now, if there is none).</summary>
    public void WakeAfterCommit(DbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            Wake();
        }
        else
        {
            _pending.AddOrUpdate(db, this);
        }
    }

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }

    internal void Committed(DbContext? db)
    {
        if (db is not null && _pending.Remove(db))
        {
            Wake();
        }
    }

    internal void RolledBack(DbContext? db)
    {
        if (db is not null)
        {
            _pending.Remove(db);
        }
    }
}

/// <summary>Tells the <see cref="OutboxSignal"/> when transactions end.</summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Committed(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => signal.RolledBack(eventData.Context);
}
