namespace Disclosure.Core.Calendar;

/// <summary>
/// Collects one year's days while checking each against <see cref="CalendarRules"/> and against the days
/// already collected. Each <see cref="TryAdd"/> answers with the zh-CN reason when the day is refused, so the
/// caller can attach it to a JSON path, a pasted line or a form field.
/// </summary>
public sealed class CalendarYearBuilder(int year)
{
    private readonly SortedDictionary<DateOnly, CalendarDay> _days = [];

    public int Year { get; } = year;

    public int Count => _days.Count;

    /// <summary>Adds the day, or returns why it cannot be added (the day is then left out).</summary>
    public string? TryAdd(DateOnly date, CalendarDayKind kind, string name)
    {
        if (CalendarRules.CheckDay(Year, date, kind) is { } error)
        {
            return error;
        }

        if (_days.TryGetValue(date, out var existing))
        {
            return CalendarRules.Conflict(existing, kind);
        }

        _days.Add(date, new CalendarDay(date, kind, name.Trim()));
        return null;
    }

    public CalendarYear Build(string? source) => new(Year, string.IsNullOrWhiteSpace(source) ? null : source.Trim(), _days.Values.ToList());
}
