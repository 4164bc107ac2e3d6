using Disclosure.Core.Calendar;
using static Disclosure.Core.Tests.Calendar.ShippedCalendar;

namespace Disclosure.Core.Tests.Calendar;

/// <summary>
/// The statutory holidays computed for a year without the State Council's notice (《全国年节及纪念日放假办法》,
/// 2025 revision), and deadlines counted on them. Expected dates are the almanac's (农历 and 节气 of 2027 and of
/// the years with a leap month) and the published notices', counted by hand — never the code's own output.
/// </summary>
public sealed class StatutoryHolidaysTests
{
    [Fact]
    public void The_2027_holidays_are_computed_by_the_2025_revision()
    {
        var days = StatutoryHolidays.For(2027).Select(d => (Format(d.Date), d.Name)).ToList();
        Assert.Equal(
        [
            ("2027-01-01", "元旦"),
            ("2027-02-05", "春节"), // 除夕 …
            ("2027-02-06", "春节"), // 正月初一
            ("2027-02-07", "春节"),
            ("2027-02-08", "春节"), // … 正月初三
            ("2027-04-05", "清明节"),
            ("2027-05-01", "劳动节"),
            ("2027-05-02", "劳动节"),
            ("2027-06-09", "端午节"), // 五月初五
            ("2027-09-15", "中秋节"), // 八月十五
            ("2027-10-01", "国庆节"),
            ("2027-10-02", "国庆节"),
            ("2027-10-03", "国庆节"),
        ], days);
        Assert.All(StatutoryHolidays.For(2027), d => Assert.Equal(CalendarDayKind.Holiday, d.Kind));
    }

    [Theory]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    [InlineData(2028, "2028-04-04")]
    [InlineData(2009, "2009-04-04")] // 23:34 Beijing time: the day depends on minutes
    [InlineData(2010, "2010-04-05")]
    [InlineData(2024, "2024-04-04")]
    public void Qingming_is_the_day_of_the_solar_term_in_beijing_time(int year, string expected) =>
        Assert.Equal(D(expected), SolarTerms.Qingming(year));

    [Fact]
    public void Qingming_agrees_with_the_day_formula_over_the_century()
    {
        // The 寿星 formula for 清明 in the 21st century: [Y·0.2422 + 4.81] − [Y/4], Y the year within the century.
        // It is an independent check: a drift of the astronomical computation would show up as a wrong day here.
        for (var year = 2001; year <= 2099; year++)
        {
            var y = year % 100;
            var day = (int)(y * 0.2422 + 4.81) - y / 4;
            Assert.True(new DateOnly(year, 4, day) == SolarTerms.Qingming(year), $"清明 {year}");
        }
    }

    [Fact]
    public void Lunar_festivals_after_a_leap_month_land_on_the_right_day()
    {
        // 2025 has 闰六月: 中秋 is the ninth month of .NET's numbering. 2020 has 闰四月 and 2023 闰二月.
        Assert.Equal(D("2025-10-06"), StatutoryHolidays.LunarDate(2025, 8, 15));
        Assert.Equal(D("2020-06-25"), StatutoryHolidays.LunarDate(2020, 5, 5));
        Assert.Equal(D("2023-06-22"), StatutoryHolidays.LunarDate(2023, 5, 5));
        Assert.Equal(D("2023-09-29"), StatutoryHolidays.LunarDate(2023, 8, 15));
    }

    [Fact]
    public void A_festival_on_a_national_day_holiday_shares_the_day()
    {
        // 2028: 中秋 on 3 October.
        Assert.Equal("国庆节、中秋节", StatutoryHolidays.Find(D("2028-10-03"))!.Name);
        Assert.Equal(4 + 1 + 1 + 2 + 1 + 3, StatutoryHolidays.For(2028).Count); // 元旦 + 春节 + 清明 + 劳动 + 端午 + 国庆（含中秋）
    }

    [Fact]
    public void Earlier_revisions_apply_to_earlier_years()
    {
        // 2013 revision (2014–2024): 春节 初一 to 初三, 劳动节 one day. 2024: 正月初一 is 02-10.
        Assert.Equal(["2024-02-10", "2024-02-11", "2024-02-12"], Festival(2024, "春节"));
        Assert.Equal(["2024-05-01"], Festival(2024, "劳动节"));
        // 2007 revision (2008–2013): 除夕 to 初二. 2013: 正月初一 is 02-10.
        Assert.Equal(["2013-02-09", "2013-02-10", "2013-02-11"], Festival(2013, "春节"));
        Assert.Empty(StatutoryHolidays.For(2007));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Every_computed_holiday_is_a_day_off_in_the_published_notice(int year)
    {
        Assert.Equal(13, StatutoryHolidays.For(year).Count);
        Assert.All(StatutoryHolidays.For(year), computed =>
        {
            var published = Instance.Find(computed.Date);
            Assert.True(published?.Kind == CalendarDayKind.Holiday, $"{Format(computed.Date)} {computed.Name} is not 放假 in the {year} notice");
        });
    }

    [Theory]
    // 春节 2027: 02-05 (Fri, 除夕) … 02-08 (Mon, 初三) off.
    [InlineData("2027-02-04", 1, "2027-02-09")]
    [InlineData("2027-01-29", 20, "2027-03-02")] // Feb 1–4 | 9–12 | 15–19 | 22–26 | Mar 1, 2
    // 中秋 2027-09-15 (Wed) and 国庆 2027: 10-01 (Fri) … 10-03 off.
    [InlineData("2027-09-14", 1, "2027-09-16")]
    [InlineData("2027-09-30", 1, "2027-10-04")]
    [InlineData("2027-09-17", 20, "2027-10-18")] // Sep 20–24 | 27–30 | Oct 4–8 | 11–15 | 18
    // 劳动节 2027 falls on a weekend; 清明 on Monday 04-05.
    [InlineData("2027-04-02", 1, "2027-04-06")]
    public void A_deadline_in_a_year_without_a_notice_skips_the_computed_holidays_and_is_provisional(string from, int days, string expected)
    {
        var result = Instance.AddWorkingDays(D(from), days);
        Assert.Equal(D(expected), result.Value);
        Assert.True(result.IsProvisional);
        Assert.Equal([2027], result.UncoveredYears);
        Assert.Contains("推算法定节假日", result.Warning);
        Assert.Null(StatutoryHolidays.Find(result.Value));
        Assert.Equal(days, Instance.CountWorkingDays(D(from), result.Value).Value);
    }

    [Fact]
    public void A_published_notice_wins_over_the_computation()
    {
        // 2026-02-14 (Sat) and 02-28 are 调休上班 in the notice; computed years know nothing of that.
        Assert.Null(Instance.FindProvisional(D("2026-02-16")));
        Assert.True(Instance.IsWorkingDay(D("2026-02-14")));
        Assert.Equal("春节", Instance.FindProvisional(D("2027-02-05"))!.Name);
    }

    private static List<string> Festival(int year, string name) =>
        StatutoryHolidays.For(year).Where(d => d.Name == name).Select(d => Format(d.Date)).ToList();

    private static string Format(DateOnly date) => CalendarRules.Format(date);
}
