using System.Collections.Concurrent;
using System.Globalization;

namespace Disclosure.Core.Calendar;

/// <summary>
/// The statutory holidays (全体公民放假的节日) that 《全国年节及纪念日放假办法》 fixes for a year, computed rather
/// than read from the State Council's annual notice. Used for a year whose notice has not been imported: the days
/// off are certain, only the bridging (调休) the notice adds is unknown, so a deadline counted on them is still
/// provisional but never lands on a festival.
/// <para>
/// Lunar dates come from <see cref="ChineseLunisolarCalendar"/> (1901–2100; its month numbers run 1–13 in a
/// year with a leap month, see <see cref="LunarDate"/>), 清明 from <see cref="SolarTerms"/>.
/// </para>
/// </summary>
public static class StatutoryHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, CalendarDay>> Cache = new();

    /// <summary>
    /// The revisions of the 办法, newest first. 2025 (国务院令第795号): 春节 from 除夕, four days, 劳动节 two days.
    /// 2013 (国务院令第644号, from 2014): 春节 初一 to 初三, 劳动节 one day. 2007 (国务院令第513号, from 2008): 春节
    /// 除夕 to 初二. Before 2008 nothing is computed (the 1999 rules had no 清明, 端午 or 中秋 holiday).
    /// </summary>
    private static readonly Revision[] Revisions =
    [
        new(2025, SpringFestivalFirstDay: -1, SpringFestivalDays: 4, LabourDays: 2),
        new(2014, SpringFestivalFirstDay: 0, SpringFestivalDays: 3, LabourDays: 1),
        new(2008, SpringFestivalFirstDay: -1, SpringFestivalDays: 3, LabourDays: 1),
    ];

    /// <summary>The statutory holidays of <paramref name="year"/> in date order; empty outside the supported years.</summary>
    public static IReadOnlyList<CalendarDay> For(int year) => Days(year).Values.OrderBy(d => d.Date).ToList();

    /// <summary>The statutory holiday on <paramref name="date"/>, or null.</summary>
    public static CalendarDay? Find(DateOnly date) => Days(date.Year).GetValueOrDefault(date);

    /// <summary>The Gregorian date of day <paramref name="day"/> of lunar month <paramref name="month"/> (1–12, never the leap month) of the lunar year starting in <paramref name="year"/>.</summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        // In a year with a leap month, GetLeapMonth answers its position (闰四月 after 四月 is 5) and every later
        // month number moves up by one.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static IReadOnlyDictionary<DateOnly, CalendarDay> Days(int year) => Cache.GetOrAdd(year, Compute);

    private static IReadOnlyDictionary<DateOnly, CalendarDay> Compute(int year)
    {
        var days = new Dictionary<DateOnly, CalendarDay>();
        var revision = Revisions.FirstOrDefault(r => year >= r.FirstYear);

        // The lunar year starting in `year` must end inside the supported range too (中秋 is in its eighth month).
        if (revision is null || year < Lunar.MinSupportedDateTime.Year + 1 || year >= Lunar.MaxSupportedDateTime.Year)
        {
            return days;
        }

        void Add(DateOnly date, int count, string name)
        {
            for (var i = 0; i < count; i++)
            {
                var d = date.AddDays(i);

                // Two festivals on one day (中秋 on 1–3 October) share it, named as the notices name them.
                days[d] = days.TryGetValue(d, out var other) ? other with { Name = $"{other.Name}、{name}" } : new CalendarDay(d, CalendarDayKind.Holiday, name);
            }
        }

        Add(new DateOnly(year, 1, 1), 1, "元旦");
        Add(LunarDate(year, 1, 1).AddDays(revision.SpringFestivalFirstDay), revision.SpringFestivalDays, "春节");
        Add(SolarTerms.Qingming(year), 1, "清明节");
        Add(new DateOnly(year, 5, 1), revision.LabourDays, "劳动节");
        Add(LunarDate(year, 5, 5), 1, "端午节");
        Add(new DateOnly(year, 10, 1), 3, "国庆节");
        Add(LunarDate(year, 8, 15), 1, "中秋节");
        return days;
    }

    /// <param name="SpringFestivalFirstDay">The first day off relative to 正月初一: −1 is 除夕.</param>
    private sealed record Revision(int FirstYear, int SpringFestivalFirstDay, int SpringFestivalDays, int LabourDays);
}
