using Disclosure.Core.Calendar;
using static Disclosure.Core.Tests.Calendar.ShippedCalendar;

namespace Disclosure.Core.Tests.Calendar;

/// <summary>
/// An agency's calendar (集约化): the national calendar with its superiors' and its own local days laid over it, the
/// nearest agency's day winning, and the per-agency look-up that deadline lists use.
/// </summary>
public sealed class AgencyCalendarOverlayTests
{
    // 2026-08-04 is a Tuesday and 2026-08-08 a Saturday; 2026-10-01 is 国庆节 in the shipped calendar.
    private static readonly CalendarDay LocalHoliday = new(D("2026-08-04"), CalendarDayKind.Holiday, "那达慕");
    private static readonly CalendarDay LocalWorkday = new(D("2026-08-08"), CalendarDayKind.AdjustedWorkingDay, "那达慕");

    [Fact]
    public void Local_days_change_working_days_for_the_agency_and_leave_the_national_calendar_alone()
    {
        var local = Instance.Overlay([LocalHoliday, LocalWorkday, new CalendarDay(D("2026-10-01"), CalendarDayKind.AdjustedWorkingDay, "值守")]);

        Assert.False(local.IsWorkingDay(D("2026-08-04")));
        Assert.True(local.IsWorkingDay(D("2026-08-08")));
        Assert.True(local.IsWorkingDay(D("2026-10-01"))); // a local 调休上班 over a national holiday
        Assert.True(Instance.IsWorkingDay(D("2026-08-04")));
        Assert.False(Instance.IsWorkingDay(D("2026-08-08")));
        Assert.False(Instance.IsWorkingDay(D("2026-10-01")));

        // Counting: from Monday 08-03, the 1st working day is Wednesday 08-05 locally (08-04 off), Tuesday nationally;
        // from Friday 08-07, the 1st is Saturday 08-08 locally, Monday 08-10 nationally.
        Assert.Equal(D("2026-08-05"), local.AddWorkingDays(D("2026-08-03"), 1).Value);
        Assert.Equal(D("2026-08-04"), Instance.AddWorkingDays(D("2026-08-03"), 1).Value);
        Assert.Equal(D("2026-08-08"), local.AddWorkingDays(D("2026-08-07"), 1).Value);
        Assert.Equal(D("2026-08-10"), Instance.AddWorkingDays(D("2026-08-07"), 1).Value);

        // Overdue cutoffs: on Wednesday 08-05, a 1-working-day period is over for starts up to Monday 08-03 nationally
        // (due 08-04) but only up to Sunday 08-02 locally (a start on 08-03 is due 08-05, the local 08-04 being off).
        Assert.Equal(D("2026-08-03"), Instance.LatestStartEndedBefore(D("2026-08-05"), 1));
        Assert.Equal(D("2026-08-02"), local.LatestStartEndedBefore(D("2026-08-05"), 1));

        // A local day never makes a year look covered by the national notice.
        Assert.Equal(Instance.CoveredYears, local.CoveredYears);
        Assert.Same(Instance, Instance.Overlay([]));
    }

    [Fact]
    public void The_nearest_agency_wins_when_a_superior_and_the_agency_both_set_a_date()
    {
        var city = Instance.Overlay([LocalHoliday]);
        var county = city.Overlay([new CalendarDay(D("2026-08-04"), CalendarDayKind.AdjustedWorkingDay, "旗里照常上班")]);

        Assert.False(city.IsWorkingDay(D("2026-08-04")));
        Assert.True(county.IsWorkingDay(D("2026-08-04")));
        Assert.Equal("旗里照常上班", county.Find(D("2026-08-04"))!.Name);
    }

    [Fact]
    public void Each_agency_gets_its_own_calendar_and_cutoffs_are_grouped_by_value()
    {
        var local = Instance.Overlay([LocalHoliday]);
        var calendars = new AgencyCalendars(Instance, new Dictionary<string, WorkingDayCalendar>
        {
            ["150627-103"] = local, ["150627-001"] = local, ["150600-103"] = Instance,
        });

        Assert.Same(local, calendars.For("150627-103"));
        Assert.Same(Instance, calendars.For("640121-103")); // no local days
        Assert.Same(Instance, calendars.For(null));         // installation-level records

        var groups = calendars.Group(c => c.AddWorkingDays(D("2026-08-03"), 1).Value);
        Assert.Equal(D("2026-08-04"), groups.National);
        var other = Assert.Single(groups.Others);
        Assert.Equal(D("2026-08-05"), other.Value);
        Assert.Equal(["150627-001", "150627-103"], other.AgencyCodes); // in code order; 150600-103 gives the national value
        Assert.Equal(["150627-001", "150627-103"], groups.OtherCodes);
    }
}
