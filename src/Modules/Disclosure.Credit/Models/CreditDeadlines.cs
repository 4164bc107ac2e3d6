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
    /// The latest decision date whose publication is overdue today (<see cref="WorkingDayCalendar.LatestStartEndedBefore"/>):
    /// every unpublished record decided on or before it is overdue, none after it.
    /// </summary>
    public static DateOnly LatestOverdueDecisionDate(WorkingDayCalendar calendar, CreditPolicy policy, DateOnly today) =>
        calendar.LatestStartEndedBefore(today, policy.PublicationWorkingDays);
}
