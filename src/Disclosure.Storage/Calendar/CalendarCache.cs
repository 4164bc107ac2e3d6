using System.Collections.Concurrent;
using Disclosure.Core.Calendar;

namespace Disclosure.Storage.Calendar;

/// <summary>
/// The last calendar read from the database, shared by all requests of this process (a singleton): the national days
/// and every agency's local days (AgencyCalendarDays), tagged with the version counter they were read at. Every edit
/// of either table bumps that one counter in its own transaction, so a node that did not make the edit sees a new
/// version on its next read and reloads — several web nodes on one PostgreSQL never count on a stale calendar.
/// An agency's overlaid calendar is kept per chain of agencies (its path from the root), so moving an agency under
/// another parent gives it a new calendar without any counter of the agency tree.
/// </summary>
public sealed class CalendarCache
{
    private Snapshot? _snapshot;

    internal Snapshot? Get(long version) =>
        Volatile.Read(ref _snapshot) is { } snapshot && snapshot.Version == version ? snapshot : null;

    internal void Set(Snapshot snapshot) => Volatile.Write(ref _snapshot, snapshot);

    /// <summary>Drops the cached calendar; the next read goes to the database.</summary>
    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    /// <summary>One read of both tables: the national calendar and each agency's own local days.</summary>
    internal sealed class Snapshot(long version, WorkingDayCalendar national, IReadOnlyDictionary<string, IReadOnlyList<CalendarDay>> localDays)
    {
        private readonly ConcurrentDictionary<string, WorkingDayCalendar> _overlays = new(StringComparer.Ordinal);

        public long Version { get; } = version;

        public WorkingDayCalendar National { get; } = national;

        /// <summary>The local days by agency code; agencies without any are absent.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<CalendarDay>> LocalDays { get; } = localDays;

        /// <summary>
        /// The calendar of the agency at the end of <paramref name="path"/> (root first): the national days overlaid by
        /// each agency's local days from the root down, so the nearest agency's day wins.
        /// </summary>
        public WorkingDayCalendar For(IReadOnlyList<string> path)
        {
            if (!path.Any(LocalDays.ContainsKey))
            {
                return National;
            }

            return _overlays.GetOrAdd(string.Join('/', path), _ => path.Aggregate(
                National,
                (calendar, code) => LocalDays.TryGetValue(code, out var days) ? calendar.Overlay(days) : calendar));
        }
    }
}
