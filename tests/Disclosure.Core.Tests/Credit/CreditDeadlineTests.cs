using Disclosure.Core.Recipes;
using Disclosure.Core.Tests.Calendar;
using Disclosure.Credit.Models;
using Disclosure.Modules;
using static Disclosure.Core.Tests.Calendar.ShippedCalendar;

namespace Disclosure.Core.Tests.Credit;

public sealed class CreditDeadlineTests
{
    [Fact]
    public void Publication_is_due_seven_working_days_after_the_decision_counted_across_the_national_day_holiday()
    {
        // Tue 09-29: Wed 09-30 is day 1; 10-01…10-07 off; Thu 08, Fri 09, Sat 10 (worked), Mon 12, Tue 13, Wed 14.
        var due = CreditDeadlines.PublicationDue(Instance, CreditPolicy.Default, D("2026-09-29"));
        Assert.Equal(D("2026-10-14"), due.Value);
        Assert.False(due.IsProvisional);
        Assert.False(CreditDeadlines.IsOverdue(Instance, CreditPolicy.Default, D("2026-09-29"), D("2026-10-14")));
        Assert.True(CreditDeadlines.IsOverdue(Instance, CreditPolicy.Default, D("2026-09-29"), D("2026-10-15")));
    }

    [Fact]
    public void The_latest_overdue_decision_date_splits_every_date_into_overdue_and_not()
    {
        foreach (var today in new[] { D("2026-10-15"), D("2026-02-24"), D("2026-05-11"), D("2025-01-02") })
        {
            var cutoff = CreditDeadlines.LatestOverdueDecisionDate(Instance, CreditPolicy.Default, today);
            for (var d = today.AddDays(-60); d <= today; d = d.AddDays(1))
            {
                Assert.Equal(CreditDeadlines.IsOverdue(Instance, CreditPolicy.Default, d, today), d <= cutoff);
            }
        }
    }

    [Fact]
    public void Withdrawal_is_due_three_working_days_after_the_change() // Thu 10-08, Fri 10-09, Sat 10-10 (worked)
    {
        Assert.Equal(D("2026-10-10"), CreditDeadlines.WithdrawalDue(Instance, CreditPolicy.Default, D("2026-09-30")).Value);
    }

    [Fact]
    public void Publication_periods_follow_the_credit_repair_rules_by_default()
    {
        var policy = CreditPolicy.Default;
        Assert.Equal(D("2027-01-31"), policy.PublicationEnd(D("2026-01-31"), Severity.General));
        Assert.Equal(D("2026-04-30"), policy.EarliestPublicationEnd(D("2026-01-31"), Severity.General)); // 到期月的对应日, the month's last day
        Assert.Equal(D("2026-05-01"), policy.RepairableFrom(D("2026-01-31"), Severity.General));
        Assert.Equal(D("2029-01-31"), policy.PublicationEnd(D("2026-01-31"), Severity.Serious));
        Assert.Equal(D("2026-04-30"), policy.PublicationEnd(D("2026-01-31"), Severity.Minor));
        Assert.True(CreditPublication.WithinPeriod(D("2027-01-31"), D("2027-01-31")));
        Assert.False(CreditPublication.WithinPeriod(D("2027-01-31"), D("2027-02-01")));
    }

    [Fact]
    public void The_shipped_settings_are_the_default_policy_and_bad_settings_are_named()
    {
        var settings = InstalledModules.ReadRecipe(Path.Combine(RepositoryRoot(), "recipes", "setup.json")).Steps.OfType<SettingsStep>().Single().Settings;
        Assert.Equal(CreditPolicy.Default, CreditPolicy.FromSettings(settings));

        var errors = new List<(string, string)>();
        var policy = CreditPolicy.FromSettings(new Dictionary<string, string> { [CreditPolicy.GeneralPeriodSetting] = "12-3", [CreditPolicy.PublicationWorkingDaysSetting] = "五" }, errors);
        Assert.Equal(CreditPolicy.Default, policy);
        Assert.Equal([CreditPolicy.PublicationWorkingDaysSetting, CreditPolicy.GeneralPeriodSetting], errors.Select(e => e.Item1));
        Assert.Equal(new PublicationPeriod(6, 24), CreditPolicy.FromSettings(new Dictionary<string, string> { [CreditPolicy.SeriousPeriodSetting] = "6-24" }).Serious);
    }
}
