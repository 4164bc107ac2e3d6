using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Disclosure.Storage.Changes;

/// <summary>
/// Tells the other nodes sharing a PostgreSQL database that the change log grew or the <see cref="PublicRevision"/>
/// moved: a <c>NOTIFY</c> on <see cref="Channel"/>, sent inside the transaction that made the change, so PostgreSQL
/// delivers it when (and only if) that transaction commits. Every node's <see cref="ChangeListener"/> wakes its
/// followers on it; on SQLite (one node) there is no one to tell and nothing is sent.
/// </summary>
public sealed class ChangeNotifier(StorageOptions options)
{
    /// <summary>The PostgreSQL notification channel.</summary>
    public const string Channel = "disclosure_changes";

    private const string NotifySql = "SELECT pg_notify({0}, {1})";

    /// <summary>Identifies this process in its notifications: its own listener skips them, the local signal already fired.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("n");

    /// <summary>Whether changes are announced and listened for (PostgreSQL with <see cref="StorageOptions.ChangeNotifications"/>).</summary>
    public bool Enabled => options.Provider == DatabaseProvider.PostgreSQL && options.ChangeNotifications;

    /// <summary>Queues the notification in the database's current transaction (or sends it at once without one).</summary>
    public void Notify(DatabaseFacade database)
    {
        if (Enabled)
        {
            database.ExecuteSqlRaw(NotifySql, Channel, NodeId);
        }
    }

    /// <inheritdoc cref="Notify"/>
    public async Task NotifyAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            await database.ExecuteSqlRawAsync(NotifySql, [Channel, NodeId], cancellationToken);
        }
    }
}
