using Disclosure.Core.Calendar;

namespace Disclosure.Credit.Models;

/// <summary>
/// The working-day deadlines of 双公示, counted on the office's calendar (the day of the decision itself does not
/// count): publication within <see cref="CreditPolicy.PublicationWorkingDays"/> of the decision, withdrawal within
/// <see cref="CreditPolicy.WithdrawalWorkingDays"/> of the decision being changed or revoked.
/// </summary>
public static class CreditDeadlines
{
    public static WorkingDayResult<DateOnly> PublicationDue(WorkingDayCalendar calendar, CreditPolicy policy, DateOnly decisionDate) =>
        calendar.AddWorkingDays(decisionDate, policy.PublicationWorkingDays);

    public static WorkingDayResult<DateOnly> WithdrawalDue(WorkingDayCalendar calendar, CreditPolicy policy, DateOnly changedOn) =>
        calendar.AddWorkingDays(changedOn, policy.WithdrawalWorkingDays);

    /// <summary>Whether an unpublished record decided on <paramref name="decisionDate"/> is past its due date today.</summary>
    public static bool IsOverdue(WorkingDayCalendar calendar, CreditPolicy policy, DateOnly decisionDate, DateOnly today) =>
        PublicationDue(calendar, policy, decisionDate).Value < today;

    /// <summary>
    /// The latest decision date whose publication is overdue today, so "overdue" becomes a plain date comparison a
    /// database can index. The due date never moves backwards as the decision date moves forwards, so every record
    /// decided on or before this date is overdue and none after it is.
    /// </summary>
    public static DateOnly LatestOverdueDecisionDate(WorkingDayCalendar calendar, CreditPolicy policy, DateOnly today)
    {
        var date = today.AddDays(-1);
        while (!IsOverdue(calendar, policy, date, today))
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
