using Disclosure.Core.Calendar;

namespace Disclosure.Storage.Calendar;

/// <summary>
/// The last calendar read from the database, shared by all requests of this process (a singleton). It is
/// tagged with the version counter it was read at; every edit bumps that counter in its own transaction, so a
/// node that did not make the edit sees a new version on its next read and reloads — several web nodes on one
/// PostgreSQL never count on a stale calendar.
/// </summary>
public sealed class CalendarCache
{
    private Snapshot? _snapshot;

    internal WorkingDayCalendar? Get(long version) =>
        Volatile.Read(ref _snapshot) is { } snapshot && snapshot.Version == version ? snapshot.Calendar : null;

    internal void Set(long version, WorkingDayCalendar calendar) => Volatile.Write(ref _snapshot, new Snapshot(version, calendar));

    /// <summary>Drops the cached calendar; the next read goes to the database.</summary>
    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    private sealed record Snapshot(long Version, WorkingDayCalendar Calendar);
}
