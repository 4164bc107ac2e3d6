namespace Disclosure.Core.Calendar;

/// <summary>
/// The working-day calendars of every agency at one moment: the national calendar, and for each agency whose own days
/// or whose superiors' days change it, that agency's overlaid calendar (see <see cref="WorkingDayCalendar.Overlay"/>).
/// Lists that span agencies take this once and ask <see cref="For"/> per record. Immutable.
/// </summary>
public sealed class AgencyCalendars(WorkingDayCalendar national, IReadOnlyDictionary<string, WorkingDayCalendar> local)
{
    /// <summary>Only the national calendar: an installation without local days.</summary>
    public static AgencyCalendars NationalOnly(WorkingDayCalendar national) => new(national, new Dictionary<string, WorkingDayCalendar>());

    public WorkingDayCalendar National { get; } = national;

    /// <summary>The agencies whose calendar is not the national one (local days of their own or of a superior).</summary>
    public IReadOnlyCollection<string> LocalAgencies { get; } = local.Keys.ToList();

    /// <summary>The calendar of an agency; the national one for null (installation-level) or an agency without local days.</summary>
    public WorkingDayCalendar For(string? agencyCode) =>
        agencyCode is not null && local.TryGetValue(agencyCode, out var calendar) ? calendar : National;

    /// <summary>
    /// A date per agency (a cutoff such as <see cref="WorkingDayCalendar.LatestStartEndedBefore"/>), grouped so that a
    /// database predicate needs one comparison per distinct value: the national value for every agency not listed,
    /// and the agencies whose own calendar gives another value.
    /// </summary>
    public CutoffGroups<T> Group<T>(Func<WorkingDayCalendar, T> value) where T : notnull
    {
        var national = value(National);
        var others = local
            .Select(pair => (Code: pair.Key, Value: value(pair.Value)))
            .Where(x => !EqualityComparer<T>.Default.Equals(x.Value, national))
            .GroupBy(x => x.Value)
            .Select(g => new CutoffGroup<T>(g.Key, g.Select(x => x.Code).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return new CutoffGroups<T>(national, others);
    }
}

/// <summary>The national value and the agencies that differ from it, by value.</summary>
public sealed record CutoffGroups<T>(T National, IReadOnlyList<CutoffGroup<T>> Others)
{
    /// <summary>Every agency code listed under <see cref="Others"/>.</summary>
    public IReadOnlyList<string> OtherCodes => Others.SelectMany(g => g.AgencyCodes).ToList();
}

public sealed record CutoffGroup<T>(T Value, IReadOnlyList<string> AgencyCodes);
