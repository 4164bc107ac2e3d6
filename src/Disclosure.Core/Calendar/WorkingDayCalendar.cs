namespace Disclosure.Core.Calendar;

/// <summary>
/// The working-day calendar (工作日历) that every statutory deadline is counted on: a date is a working day if it
/// is an adjusted working day (调休上班), or it is Monday–Friday and not a holiday (放假).
/// <para>
/// Counting follows the 条例: "自收到申请之日起20个工作日内" runs from the day after receipt, so the start date
/// itself never counts. <see cref="AddWorkingDays"/> returns the n-th working day after the start and
/// <see cref="CountWorkingDays"/> counts the working days after <c>from</c> up to and including <c>to</c>; the two
/// agree: <c>CountWorkingDays(d, AddWorkingDays(d, n)) == n</c>.
/// </para>
/// <para>
/// For a year with no data (the State Council publishes the next year's arrangements each November) the
/// calendar falls back to Monday–Friday without the statutory holidays it can compute
/// (<see cref="StatutoryHolidays"/>) and says so: every counting method returns a
/// <see cref="WorkingDayResult{T}"/> listing the uncovered years it relied on, since the notice's bridging
/// (调休) is still unknown. Immutable and thread-safe.
/// </para>
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<DateOnly, CalendarDay> _days = [];
    private readonly SortedDictionary<int, CalendarYear> _years = [];

    /// <param name="years">One entry per covered year; a day must lie in its year and a date may appear once.</param>
    public WorkingDayCalendar(IEnumerable<CalendarYear> years)
    {
        foreach (var year in years)
        {
            if (!_years.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"Year {year.Year} is given twice.", nameof(years));
            }

            foreach (var day in year.Days)
            {
                if (day.Date.Year != year.Year)
                {
                    throw new ArgumentException($"{day.Date:yyyy-MM-dd} is listed under year {year.Year}.", nameof(years));
                }

                if (!_days.TryAdd(day.Date, day))
                {
                    throw new ArgumentException($"{day.Date:yyyy-MM-dd} is listed twice.", nameof(years));
                }
            }
        }
    }

    private WorkingDayCalendar(WorkingDayCalendar inherited, IEnumerable<CalendarDay> localDays)
    {
        _years = inherited._years;
        _days = new Dictionary<DateOnly, CalendarDay>(inherited._days);
        foreach (var day in localDays)
        {
            _days[day.Date] = day;
        }
    }

    /// <summary>
    /// This calendar with an agency's local days (地方调休, a local holiday) laid over it: a local day replaces whatever
    /// this calendar says of its date, so a local 调休上班 turns a national holiday into a working day and a local 放假 a
    /// working day into a day off. Coverage stays the national notice's: a local day never makes a year look covered.
    /// Overlay the farthest agency first and the agency itself last, so the nearest agency's day wins.
    /// </summary>
    public WorkingDayCalendar Overlay(IEnumerable<CalendarDay> localDays)
    {
        var days = localDays as IReadOnlyCollection<CalendarDay> ?? localDays.ToList();
        return days.Count == 0 ? this : new WorkingDayCalendar(this, days);
    }

    /// <summary>A calendar with no data at all: every year uncovered, counted on the computed statutory holidays.</summary>
    public static WorkingDayCalendar Empty { get; } = new([]);

    /// <summary>The years with published arrangements, in order.</summary>
    public IReadOnlyCollection<int> CoveredYears => _years.Keys;

    public bool Covers(int year) => _years.ContainsKey(year);

    public CalendarYear? GetYear(int year) => _years.GetValueOrDefault(year);

    /// <summary>The holiday or adjusted working day on this date, or null for an ordinary day.</summary>
    public CalendarDay? Find(DateOnly date) => _days.GetValueOrDefault(date);

    /// <summary>
    /// The statutory holiday computed for a date in a year without data (see <see cref="StatutoryHolidays"/>), or
    /// null — also for every date of a covered year, where the notice's own days (<see cref="Find"/>) apply.
    /// </summary>
    public CalendarDay? FindProvisional(DateOnly date) => Covers(date.Year) ? null : StatutoryHolidays.Find(date);

    /// <summary>
    /// Whether <paramref name="date"/> is a working day. In an uncovered year this is a guess (Monday–Friday
    /// except the computed statutory holidays); check <see cref="Covers"/> (or use the counting methods, which
    /// report it) before relying on it.
    /// </summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_days.TryGetValue(date, out var day))
        {
            return day.Kind == CalendarDayKind.AdjustedWorkingDay;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && FindProvisional(date) is null;
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/>; the start day itself is
    /// not counted, whatever it is. <c>AddWorkingDays(received, 20)</c> is the last day of the 20-working-day
    /// reply period. With 0 the start date is returned unchanged. Working days for which <paramref name="skip"/>
    /// answers true are not counted (a third-party consultation pausing a reply period).
    /// </summary>
    public WorkingDayResult<DateOnly> AddWorkingDays(DateOnly start, int workingDays, Func<DateOnly, bool>? skip = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var uncovered = new UncoveredYears(this);
        var date = start;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            uncovered.Note(date);
            if (Counts(date, skip))
            {
                counted++;
            }
        }

        return new WorkingDayResult<DateOnly>(date, uncovered.ToList());
    }

    /// <summary>The first working day strictly after <paramref name="date"/> (the same as adding one working day).</summary>
    public WorkingDayResult<DateOnly> NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The latest start date whose period of <paramref name="workingDays"/> ended before <paramref name="today"/>, so
    /// "overdue" becomes a plain date comparison a database can index. The period's last day never moves backwards as
    /// the start moves forwards, so every period started on or before this date is past its end and none after it is.
    /// </summary>
    public DateOnly LatestStartEndedBefore(DateOnly today, int workingDays)
    {
        var date = today.AddDays(-1);
        while (AddWorkingDays(date, workingDays).Value >= today)
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/> — how many
    /// working days of a period starting at <paramref name="from"/> have been used by the end of
    /// <paramref name="to"/>. Zero when the dates are equal; negative (the count the other way round) when
    /// <paramref name="to"/> is before <paramref name="from"/>, so remaining time can be computed as
    /// <c>CountWorkingDays(today, deadline)</c> and goes below zero once overdue. Working days for which
    /// <paramref name="skip"/> answers true are not counted either way.
    /// </summary>
    public WorkingDayResult<int> CountWorkingDays(DateOnly from, DateOnly to, Func<DateOnly, bool>? skip = null)
    {
        if (to < from)
        {
            var reverse = CountWorkingDays(to, from, skip);
            return reverse with { Value = -reverse.Value };
        }

        var uncovered = new UncoveredYears(this);
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            uncovered.Note(date);
            if (Counts(date, skip))
            {
                count++;
            }
        }

        return new WorkingDayResult<int>(count, uncovered.ToList());
    }

    private bool Counts(DateOnly date, Func<DateOnly, bool>? skip) => IsWorkingDay(date) && skip?.Invoke(date) != true;

    /// <summary>Collects, in order, the years without data that a computation looked at.</summary>
    private struct UncoveredYears(WorkingDayCalendar calendar)
    {
        private List<int>? _years;
        private int _lastYear;

        public void Note(DateOnly date)
        {
            if (date.Year == _lastYear)
            {
                return;
            }

            _lastYear = date.Year;
            if (!calendar.Covers(date.Year))
            {
                (_years ??= []).Add(date.Year);
            }
        }

        public readonly List<int> ToList() => _years ?? [];
    }
}
