using Microsoft.EntityFrameworkCore;

namespace Disclosure.Channels.Outbox;

/// <summary>
/// On SQLite, lets one of this node's outbox writes through at a time. SQLite has a single writer; when two
/// connections collide, the loser backs off for a fixed interval before retrying, which made the dispatcher's
/// concurrent deliveries wait on each other's bookkeeping far longer than on the receivers. Queueing them here costs
/// nothing (they would be serialised by the database anyway). PostgreSQL has row locks and needs no gate.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A singleton for the life of the process; the semaphore is only awaited and released, so it never allocates a wait handle and Dispose would free nothing, while a delivery still running at shutdown would meet a disposed gate.")]
public sealed class OutboxWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return await write();
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _gate.Release();
        }
    }
}
