using Disclosure.Enforcement.Models;
using static Disclosure.Core.Tests.Calendar.ShippedCalendar;

namespace Disclosure.Core.Tests.Enforcement;

/// <summary>
/// The 5-working-day clock of 执法信息查询 on the shipped 2026 calendar (国办发明电〔2025〕7号): 国庆 10-01…10-07 with
/// Sun 09-20 and Sat 10-10 worked, 春节 02-15…02-23 with Sat 02-14 and Sat 02-28 worked. Counted by hand.
/// </summary>
public sealed class EnforcementClockTests
{
    [Theory]
    // Tue 09-29: 09-30, (国庆) 10-08, 10-09, Sat 10-10 (调休上班), Mon 10-12.
    [InlineData("2026-09-29", "2026-10-12")]
    // Fri 09-18: Sun 09-20 (调休上班), 09-21, 22, 23, 24.
    [InlineData("2026-09-18", "2026-09-24")]
    // Thu 02-12: 02-13, Sat 02-14 (调休上班), (春节) 02-24, 25, 26.
    [InlineData("2026-02-12", "2026-02-26")]
    // Fri 02-13: Sat 02-14, (春节) 02-24, 25, 26, 27.
    [InlineData("2026-02-13", "2026-02-27")]
    // An ordinary week: Mon 11-02 → Mon 11-09.
    [InlineData("2026-11-02", "2026-11-09")]
    public void Five_working_days_after_the_day_formed_across_the_holidays(string formed, string due) =>
        Assert.Equal(D(due), EnforcementClock.Due(Instance, D(formed)).Value);

    [Theory]
    [InlineData("2026-10-12", null, EventTimeliness.OnTime)]
    [InlineData("2026-10-13", null, EventTimeliness.Late)]
    [InlineData(null, "2026-10-12", EventTimeliness.Pending)]
    [InlineData(null, "2026-10-13", EventTimeliness.Overdue)]
    public void An_event_formed_before_national_day_is_on_time_up_to_its_due_date(string? visible, string? today, EventTimeliness expected) =>
        Assert.Equal(expected, EnforcementClock.Evaluate(Instance, D("2026-09-29"), visible is null ? null : D(visible), today is null ? D("2026-12-01") : D(today)));

    [Theory]
    [InlineData("2026-10-13", "2026-09-29")]
    [InlineData("2026-10-12", "2026-09-28")]
    [InlineData("2026-02-27", "2026-02-12")]
    public void The_overdue_cut_off_is_the_last_formed_date_whose_due_date_has_passed(string today, string cutOff)
    {
        var latest = EnforcementClock.LatestOverdueFormedOn(Instance, D(today));
        Assert.Equal(D(cutOff), latest);
        Assert.True(EnforcementClock.Due(Instance, latest).Value < D(today));
        Assert.False(EnforcementClock.Due(Instance, latest.AddDays(1)).Value < D(today));
    }
}
