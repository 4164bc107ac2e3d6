using Disclosure.Core.Calendar;
using static Disclosure.Core.Tests.Calendar.ShippedCalendar;

namespace Disclosure.Core.Tests.Calendar;

public sealed class CalendarCoverageTests
{
    [Theory]
    [InlineData("2026-10-31", "")]          // next year's notice not due yet
    [InlineData("2026-11-01", "2027")]      // due from 1 November
    [InlineData("2026-12-31", "2027")]
    [InlineData("2025-11-15", "")]          // 2026 is there
    [InlineData("2027-03-01", "2027")]      // the current year itself is missing
    [InlineData("2027-11-02", "2027,2028")]
    [InlineData("2024-06-01", "2024")]
    public void Missing_years_are_the_current_one_and_from_november_the_next(string today, string expected)
    {
        var missing = CalendarCoverage.MissingYears(Instance, D(today));
        Assert.Equal(expected, string.Join(",", missing));
        Assert.Equal(expected.Length == 0, CalendarCoverage.Warning(Instance, D(today)) is null);
    }

    [Fact]
    public void The_warning_names_the_year_and_when_it_is_published() =>
        Assert.Equal(
            "工作日历中还没有 2027 年的节假日安排。国务院办公厅通常在每年 11 月公布下一年的放假安排，请尽快在工作日历中导入；在此之前，涉及这些年份的办理期限按推算的法定节假日（未含调休）估算，标为“预计”。",
            CalendarCoverage.Warning(Instance, D("2026-11-01")));
}
