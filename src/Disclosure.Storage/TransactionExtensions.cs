using Microsoft.EntityFrameworkCore;

namespace Disclosure.Storage;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="action"/> in a transaction, or inside the caller's if one is open, so that services
    /// compose (an import publishing many items, a workflow step publishing) and still commit all or nothing.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this DisclosureDbContext db, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await action();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await action();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            // The tracked entities hold the failed attempt's changes; drop them so the context stays usable.
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
