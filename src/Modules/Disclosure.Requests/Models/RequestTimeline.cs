using Disclosure.Core.Calendar;

namespace Disclosure.Requests.Models;

/// <summary>
/// The facts of an application that decide its deadline, and their evaluation on a given day. Shared by the office's
/// list, the reminders, the detail page and the public status query so all four always agree.
/// </summary>
/// <param name="ClockStartOn">The receipt date, or the corrected application's receipt date after a 补正.</param>
/// <param name="Pauses">Third-party consultations (征求第三方意见).</param>
/// <param name="ExtensionDays">Approved extension (延期), 0 when none.</param>
public sealed record RequestTimeline(
    RequestStage Stage,
    DateOnly ReceivedOn,
    DateOnly ClockStartOn,
    IReadOnlyList<DeadlinePause> Pauses,
    int ExtensionDays,
    DateOnly? ClosedOn)
{
    public DeadlineStatus Evaluate(WorkingDayCalendar calendar, DateOnly today)
    {
        if (Stage == RequestStage.AwaitingCorrection)
        {
            return new DeadlineStatus(DeadlineState.Stopped, null, null, false, null);
        }

        var due = ReplyDeadline.Due(calendar, ClockStartOn, Pauses, ExtensionDays);
        if (Stage == RequestStage.Closed)
        {
            return new DeadlineStatus(DeadlineState.Closed, due.Value, null, due.IsProvisional, due.Warning);
        }

        var remaining = ReplyDeadline.Remaining(calendar, today, due.Value, Pauses);
        var openPause = Pauses.Any(p => p.End is null);
        return new DeadlineStatus(ReplyDeadline.StateOn(remaining), due.Value, remaining, due.IsProvisional || openPause, due.Warning);
    }
}

/// <summary>
/// Where an application stands against its reply deadline. <see cref="Due"/> is null while the clock is stopped for
/// a 补正; <see cref="Provisional"/> (预计) when it rests on a year without calendar data or on a consultation still
/// open (assumed to take its full 15 working days).
/// </summary>
public sealed record DeadlineStatus(DeadlineState State, DateOnly? Due, int? Remaining, bool Provisional, string? Warning)
{
    /// <summary>"还剩 3 个工作日" / "今天到期" / "已超期 2 个工作日", for the office.</summary>
    public string? RemainingText => Remaining switch
    {
        null => null,
        0 => "今天到期",
        > 0 and var days => $"还剩 {days} 个工作日",
        var days => $"已超期 {-days} 个工作日",
    };

    /// <summary>
    /// The state and the time left in one phrase that never says a thing twice: "临近期限，还剩 3 个工作日",
    /// "已超期 21 个工作日" (not "已超期，已超期 …"), "计时中止（待补正）".
    /// </summary>
    public string Summary => (State, RemainingText) switch
    {
        (DeadlineState.Overdue, { } overdue) when Remaining < 0 => overdue,
        (var state, { } text) => $"{DeadlineStates.DisplayName(state)}，{text}",
        (var state, null) => DeadlineStates.DisplayName(state),
    };
}
