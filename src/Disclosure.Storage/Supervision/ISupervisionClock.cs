namespace Disclosure.Storage.Supervision;

/// <summary>
/// One statutory clock (法定时限) the installation runs — 主动公开 within 20 working days (条例第二十六条), 双公示 within 7,
/// 依申请公开 replies, 执法公开's 5, 局长信箱 replies. The capability that runs a clock registers it
/// (<c>services.AddScoped&lt;ISupervisionClock, …&gt;()</c>); the supervision board lists whatever is registered, so a
/// new capability adds its clock without the board changing.
/// </summary>
public interface ISupervisionClock
{
    /// <summary>A stable key, used in the board's links (<c>/admin/supervision/{key}</c>): lower-case letters and hyphens.</summary>
    string Key { get; }

    /// <summary>The clock's zh-CN name on the board, e.g. 主动公开.</summary>
    string Name { get; }

    /// <summary>The rule and its source in one zh-CN sentence, e.g. 自信息形成或者变更之日起 20 个工作日内公开（条例第二十六条）.</summary>
    string Rule { get; }

    /// <summary>Where the clock sits on the board, lowest first.</summary>
    int Order { get; }

    /// <summary>
    /// Every item of the query's agency (or every agency when it has none) whose clock is still running, whatever day
    /// it started, and every item whose clock stopped (done) between <see cref="ClockQuery.DoneFrom"/> and
    /// <see cref="ClockQuery.DoneTo"/>, with its state on <see cref="ClockQuery.Today"/>.
    /// </summary>
    Task<IReadOnlyList<ClockEntry>> EntriesAsync(ClockQuery query, CancellationToken cancellationToken);
}

/// <param name="Today">The day states are judged on (the office's local date).</param>
/// <param name="DoneFrom">First day of the period whose finished items are listed.</param>
/// <param name="DoneTo">Last day of that period, inclusive.</param>
/// <param name="AgencyCode">The agency whose items are listed; null for the whole installation.</param>
/// <param name="DueSoonWorkingDays">A running item with this many working days left, or fewer, is due soon (临近期限).</param>
public sealed record ClockQuery(DateOnly Today, DateOnly DoneFrom, DateOnly DoneTo, string? AgencyCode, int DueSoonWorkingDays);

/// <summary>One item on one clock.</summary>
/// <param name="Subject">What the item is, as staff know it: a title, an application's number and subject.</param>
/// <param name="Link">The admin page of the item, or null.</param>
/// <param name="StartedOn">The day the clock started (formed, received, decided).</param>
/// <param name="DueOn">The last day on time.</param>
/// <param name="DoneOn">The day the clock stopped (published, replied), or null while it runs.</param>
public sealed record ClockEntry(
    string Subject,
    string AgencyCode,
    string? DepartmentCode,
    string? Link,
    DateOnly StartedOn,
    DateOnly DueOn,
    DateOnly? DoneOn,
    ClockState State);

/// <summary>Where an item stands against its clock.</summary>
public enum ClockState
{
    /// <summary>Running, more than the due-soon margin left (办理中).</summary>
    Running,

    /// <summary>Running, within the due-soon margin (临近期限).</summary>
    DueSoon,

    /// <summary>Running past its due day (已超期).</summary>
    Overdue,

    /// <summary>Done on or before its due day (按时办结).</summary>
    DoneOnTime,

    /// <summary>Done after its due day (超期办结).</summary>
    DoneLate,
}
