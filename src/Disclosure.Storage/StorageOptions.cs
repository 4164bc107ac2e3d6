namespace Disclosure.Storage;

/// <summary>Which database a site uses. Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default, a file in the data folder) or <c>PostgreSQL</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For PostgreSQL: an Npgsql connection string. For SQLite: optional, defaults to a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file, the search index and uploaded media live.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>
    /// Lets a migration that drops a table or column, or deletes rows, run against a database that has data there
    /// (<c>Storage:AllowDataLossMigrations</c>). Off by default: such an upgrade stops before changing anything and
    /// says what it would drop. Set it for the one start after a backup, then remove it.
    /// </summary>
    public bool AllowDataLossMigrations { get; set; }

    /// <summary>
    /// On PostgreSQL, announce every public change to the other nodes (<c>NOTIFY</c>) and listen for theirs, so they
    /// show it at once rather than at their next poll (<c>Storage:ChangeNotifications</c>, on by default). Turn it off
    /// behind a connection pooler in transaction mode (PgBouncer), which cannot hold a <c>LISTEN</c>; the polls remain.
    /// </summary>
    public bool ChangeNotifications { get; set; } = true;

    /// <summary>
    /// On PostgreSQL, connection strings of hot standbys streaming from the primary (<c>Storage:ReadReplicas:0</c>, …).
    /// Public reads go to one that has replayed at least what this node has seen (<see cref="Replicas.ReadReplicaSelector"/>),
    /// else to the primary; every write, and everything staff do, goes to the primary.
    /// </summary>
    public IList<string> ReadReplicas { get; set; } = [];

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider == DatabaseProvider.PostgreSQL)
        {
            throw new InvalidOperationException("使用 PostgreSQL 时必须配置 Storage:ConnectionString。");
        }

        Directory.CreateDirectory(DataFolder);
        // Default Timeout is how long a writer waits for SQLite's lock before giving up (seconds).
        return $"Data Source={Path.Combine(DataFolder, "disclosure.db")};Default Timeout=60";
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}
