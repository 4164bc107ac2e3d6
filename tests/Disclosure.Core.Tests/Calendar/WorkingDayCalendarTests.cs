using Disclosure.Core.Calendar;
using static Disclosure.Core.Tests.Calendar.ShippedCalendar;

namespace Disclosure.Core.Tests.Calendar;

/// <summary>
/// Working-day arithmetic on the shipped 2025 and 2026 calendars (standards.md section 5). Every expected date
/// was worked out by hand from the State Council notices, counting from the day after the start date; the
/// comment on each case shows the count.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    public static TheoryData<string, int, string> Deadlines => new()
    {
        // 国庆节、中秋节 2025: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked.
        { "2025-09-26", 1, "2025-09-28" },   // Sat 27 off, Sun 28 调休上班
        { "2025-09-28", 1, "2025-09-29" },
        { "2025-09-30", 1, "2025-10-09" },   // 10-01…10-08 off
        { "2025-09-30", 3, "2025-10-11" },   // Thu 9, Fri 10, Sat 11 worked
        { "2025-09-30", 4, "2025-10-13" },   // Sun 12 off
        { "2025-09-25", 20, "2025-10-29" },  // 26, 28, 29, 30 | 9, 10, 11 | 13–17 | 20–24 | 27, 28, 29
        // 春节 2025: 01-28…02-04 off, Sunday 01-26 and Saturday 02-08 worked.
        { "2025-01-24", 1, "2025-01-26" },
        { "2025-01-24", 2, "2025-01-27" },
        { "2025-01-27", 1, "2025-02-05" },
        { "2025-01-27", 4, "2025-02-08" },   // Wed 5, Thu 6, Fri 7, Sat 8
        // 清明节, 劳动节 and 端午节 2025.
        { "2025-04-03", 1, "2025-04-07" },   // 04-04 (Fri)…04-06 off
        { "2025-04-25", 1, "2025-04-27" },   // Sunday 04-27 worked
        { "2025-04-30", 1, "2025-05-06" },   // 05-01…05-05 off
        { "2025-05-30", 1, "2025-06-03" },   // 05-31…06-02 off
        // 元旦 2025 seen from the last day of 2024: only 2025 days are counted, so the answer is not provisional.
        { "2024-12-31", 1, "2025-01-02" },
        // Year boundary: 2026-01-01…01-03 off, Sunday 01-04 worked.
        { "2025-12-31", 1, "2026-01-04" },
        { "2025-12-31", 2, "2026-01-05" },
        { "2025-12-30", 20, "2026-01-28" },  // 31 | 4–9 | 12–16 | 19–23 | 26, 27, 28
        // 春节 2026: 02-15…02-23 off, Saturdays 02-14 and 02-28 worked.
        { "2026-02-13", 1, "2026-02-14" },
        { "2026-02-14", 1, "2026-02-24" },
        { "2026-02-12", 5, "2026-02-26" },   // 13, 14 | 24, 25, 26
        { "2026-02-12", 7, "2026-02-28" },   // … 27, Sat 28
        { "2026-02-10", 20, "2026-03-16" },  // 11–14 | 24–28 | 03-02…06 | 9–13 | 16
        // 清明节, 劳动节 and 端午节 2026.
        { "2026-04-03", 1, "2026-04-07" },   // 04-04…04-06 off
        { "2026-04-30", 1, "2026-05-06" },   // 05-01…05-05 off
        { "2026-05-08", 1, "2026-05-09" },   // Saturday 05-09 worked
        { "2026-06-18", 1, "2026-06-22" },   // 06-19…06-21 off
        // 中秋节 and 国庆节 2026: 09-25…09-27 and 10-01…10-07 off, Sunday 09-20 and Saturday 10-10 worked.
        { "2026-09-18", 1, "2026-09-20" },
        { "2026-09-24", 1, "2026-09-28" },
        { "2026-09-30", 1, "2026-10-08" },
        { "2026-09-30", 3, "2026-10-10" },
        { "2026-09-17", 20, "2026-10-21" },  // 18, 20–24 | 28–30 | 10-08, 09, 10 | 12–16 | 19, 20, 21
        // An ordinary month: four whole weeks.
        { "2026-03-02", 20, "2026-03-30" },
        // Nothing added: the start date itself, even on a holiday.
        { "2026-02-15", 0, "2026-02-15" },
        { "2026-12-30", 1, "2026-12-31" },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void Adding_working_days_skips_holidays_and_counts_adjusted_working_days(string start, int days, string expected)
    {
        var result = Instance.AddWorkingDays(D(start), days);
        Assert.Equal(D(expected), result.Value);
        Assert.False(result.IsProvisional, $"only covered years are involved, yet {string.Join(",", result.UncoveredYears)} were reported");
        Assert.Null(result.Warning);
    }

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void Counting_working_days_undoes_adding_them(string start, int days, string expected) =>
        Assert.Equal(days, Instance.CountWorkingDays(D(start), D(expected)).Value);

    [Theory]
    [InlineData("2025-10-11", true)]   // Saturday, 调休上班
    [InlineData("2025-10-12", false)]  // Sunday
    [InlineData("2025-10-08", false)]  // Wednesday, 国庆节
    [InlineData("2025-01-26", true)]   // Sunday, 调休上班
    [InlineData("2026-01-04", true)]   // Sunday, 调休上班
    [InlineData("2026-02-28", true)]   // Saturday, 调休上班
    [InlineData("2026-02-23", false)]  // Monday, 春节
    [InlineData("2026-10-07", false)]  // Wednesday, 国庆节
    [InlineData("2026-03-02", true)]   // an ordinary Monday
    [InlineData("2026-03-07", false)]  // an ordinary Saturday
    public void A_date_is_a_working_day_by_the_rule(string date, bool expected) => Assert.Equal(expected, Instance.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2025-09-30", "2025-10-08", 0)]
    [InlineData("2025-09-30", "2025-10-11", 3)]
    [InlineData("2025-12-31", "2026-01-05", 2)]
    [InlineData("2026-02-13", "2026-02-28", 6)]   // 14 | 24–27 | 28
    [InlineData("2026-05-06", "2026-05-06", 0)]
    [InlineData("2025-10-11", "2025-09-30", -3)]
    [InlineData("2024-12-31", "2025-12-31", 248)] // 261 weekdays − 18 on holiday + 5 调休上班
    [InlineData("2025-12-31", "2026-12-31", 248)] // 261 weekdays − 19 on holiday + 6 调休上班
    public void Counting_excludes_the_first_date_and_includes_the_last(string from, string to, int expected) =>
        Assert.Equal(expected, Instance.CountWorkingDays(D(from), D(to)).Value);

    [Fact]
    public void The_next_working_day_is_strictly_after_the_date()
    {
        Assert.Equal(D("2025-10-09"), Instance.NextWorkingDay(D("2025-10-01")).Value);
        Assert.Equal(D("2025-10-10"), Instance.NextWorkingDay(D("2025-10-09")).Value);
        Assert.Equal(D("2026-01-04"), Instance.NextWorkingDay(D("2026-01-01")).Value);
    }

    [Fact]
    public void A_deadline_running_into_a_year_without_data_is_counted_on_computed_holidays_and_reported()
    {
        var result = Instance.AddWorkingDays(D("2026-12-24"), 20); // 25, 28–31 | 2027: (1 元旦) 4–8, 11–15, 18–22
        Assert.Equal(D("2027-01-22"), result.Value);
        Assert.True(result.IsProvisional);
        Assert.Equal([2027], result.UncoveredYears);
        Assert.Contains("2027 年的节假日安排尚未录入", result.Warning);

        Assert.Equal(D("2027-01-04"), Instance.NextWorkingDay(D("2026-12-31")).Value);
        Assert.Equal([2027], Instance.CountWorkingDays(D("2026-12-31"), D("2027-01-04")).UncoveredYears);
        Assert.Equal([2023, 2024], Instance.CountWorkingDays(D("2023-12-01"), D("2025-01-10")).UncoveredYears);
        Assert.False(Instance.IsWorkingDay(D("2027-01-01")), "元旦 is a statutory holiday even without the notice");
        Assert.True(Instance.IsWorkingDay(D("2027-01-08")), "an ordinary uncovered Friday is taken as a working day");
        Assert.False(Instance.Covers(2027));
        Assert.Equal([2025, 2026], Instance.CoveredYears);
    }

    [Fact]
    public void A_negative_number_of_days_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Instance.AddWorkingDays(D("2026-01-05"), -1));

    [Fact]
    public void The_shipped_years_name_their_notices_and_festivals()
    {
        Assert.Equal("国办发明电〔2024〕12号", Instance.GetYear(2025)!.Source);
        Assert.Equal("国办发明电〔2025〕7号", Instance.GetYear(2026)!.Source);
        Assert.Equal(new CalendarDay(D("2026-02-16"), CalendarDayKind.Holiday, "春节"), Instance.Find(D("2026-02-16")));
        Assert.Equal(new CalendarDay(D("2025-10-11"), CalendarDayKind.AdjustedWorkingDay, "国庆节、中秋节"), Instance.Find(D("2025-10-11")));
        Assert.Null(Instance.Find(D("2026-03-02")));
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off and 5 worked; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 off and 6 worked.
        Assert.Equal((28, 5), Tally(2025));
        Assert.Equal((33, 6), Tally(2026));
    }

    [Fact]
    public void A_calendar_refuses_a_day_outside_its_year_or_listed_twice()
    {
        // The message names the offending year or date, so a bad calendar file can be fixed from the error alone.
        var day = new CalendarDay(D("2026-10-01"), CalendarDayKind.Holiday, "国庆节");
        Assert.Contains("2026-10-01 is listed under year 2025", Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([new CalendarYear(2025, null, [day])])).Message);
        Assert.Contains("2026-10-01 is listed twice", Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([new CalendarYear(2026, null, [day, day])])).Message);
        Assert.Contains("Year 2026 is given twice", Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([new CalendarYear(2026, null, []), new CalendarYear(2026, null, [])])).Message);
    }

    [Fact]
    public void A_calendar_holds_every_distinct_day_it_is_given_and_computes_holidays_only_for_other_years()
    {
        // Built here rather than taken from the shipped calendar, whose single instance is made once per test run.
        var holiday = new CalendarDay(D("2026-10-01"), CalendarDayKind.Holiday, "国庆节");
        var worked = new CalendarDay(D("2026-10-10"), CalendarDayKind.AdjustedWorkingDay, "国庆节");
        var calendar = new WorkingDayCalendar([new CalendarYear(2026, "国办发明电〔2025〕7号", [holiday, worked])]);

        Assert.Equal(worked, calendar.Find(D("2026-10-10")));
        Assert.True(calendar.IsWorkingDay(D("2026-10-10")));
        // 2026-10-02 is a computed 国庆节 day, but 2026 has a notice: only its own days count.
        Assert.Null(calendar.FindProvisional(D("2026-10-02")));
        Assert.True(calendar.IsWorkingDay(D("2026-10-02")));
        Assert.Equal("国庆节", calendar.FindProvisional(D("2027-10-02"))!.Name);
    }

    [Fact]
    public void An_empty_calendar_counts_the_computed_holidays_and_says_so()
    {
        var result = WorkingDayCalendar.Empty.AddWorkingDays(D("2025-09-30"), 1); // 10-01…03 国庆节, 04–05 weekend, 06 中秋节
        Assert.Equal(D("2025-10-07"), result.Value);
        Assert.Equal([2025], result.UncoveredYears);
    }

    private static (int Holidays, int Workdays) Tally(int year)
    {
        var days = Instance.GetYear(year)!.Days;
        return (days.Count(d => d.Kind == CalendarDayKind.Holiday), days.Count(d => d.Kind == CalendarDayKind.AdjustedWorkingDay));
    }
}
