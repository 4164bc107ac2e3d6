using System.Globalization;
using Disclosure.Storage.Supervision;
using Disclosure.Supervision.Board;
using Disclosure.Supervision.Freshness;

namespace Disclosure.Supervision.Reports;

/// <summary>
/// 督查督办月报: the board of one month for one agency (or the installation), as it stands on the day it is made —
/// every clock's counts with its 按时办结率, the overdue and late items per department, the 目录 classes that
/// are stale or empty, and the 死链 per department as the link checker last found them.
/// </summary>
public sealed record SupervisionMonthReport(
    string AgencyName,
    SupervisionPeriod Period,
    DateOnly MadeOn,
    IReadOnlyList<ClockSummary> Clocks,
    IReadOnlyList<DepartmentArrears> Departments,
    IReadOnlyList<ClassFreshness> Classes,
    IReadOnlyList<DepartmentLinks> BrokenLinks)
{
    public static readonly string[] ClockHeaders = ["时限", "办理中", "临近期限", "已超期", "按时办结", "超期办结", "按时办结率"];

    public static readonly string[] DepartmentHeaders = ["部门", "已超期", "超期办结", "合计"];

    public static readonly string[] ClassHeaders = ["目录分类", "最近发布", "规则", "状态"];

    public static readonly string[] BrokenLinkHeaders = ["部门", "死链数"];

    public const string RateNote = "按时办结率 = 按时办结 ÷（按时办结 + 超期办结 + 已超期）；尚在期限内的事项不计入。";

    public string Title => $"{AgencyName}政务公开督查督办月报（{Period.Caption}）";

    /// <summary>按时办结 ÷ (按时办结 + 超期办结 + 已超期), or null when none of them happened.</summary>
    public static double? OnTimeRate(StateCounts counts)
    {
        var judged = counts.DoneOnTime + counts.DoneLate + counts.Overdue;
        return judged == 0 ? null : (double)counts.DoneOnTime / judged;
    }

    public IReadOnlyList<IReadOnlyList<string>> ClockRows() =>
        Clocks.Select(c => (IReadOnlyList<string>)[
            c.Clock.Name, N(c.Total.Running), N(c.Total.DueSoon), N(c.Total.Overdue), N(c.Total.DoneOnTime), N(c.Total.DoneLate),
            OnTimeRate(c.Total) is { } rate ? rate.ToString("0.0%", CultureInfo.InvariantCulture) : "—"]).ToList();

    public IReadOnlyList<IReadOnlyList<string>> DepartmentRows() =>
        Departments.Select(d => (IReadOnlyList<string>)[d.Label, N(d.Overdue), N(d.DoneLate), N(d.Overdue + d.DoneLate)]).ToList();

    public IReadOnlyList<IReadOnlyList<string>> ClassRows() =>
        Classes.Select(c => (IReadOnlyList<string>)[
            $"{c.Rule.ClassCode} {c.Rule.ClassName}", c.LastPublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—",
            c.Rule.Days == 0 ? "只检查是否为空" : $"{c.Rule.Days} 天内更新", FreshnessStateNames.Name(c.State)]).ToList();

    public IReadOnlyList<IReadOnlyList<string>> BrokenLinkRows() =>
        BrokenLinks.Select(d => (IReadOnlyList<string>)[d.Label, N(d.Count)]).ToList();

    /// <summary>The figures a leader reads first: what is overdue or was late, the stale and empty classes, the 死链.</summary>
    public int Overdue => Clocks.Sum(c => c.Total.Overdue);

    public int DoneLate => Clocks.Sum(c => c.Total.DoneLate);

    public int StaleClasses => Classes.Count(c => c.State == FreshnessState.Stale);

    public int EmptyClasses => Classes.Count(c => c.State == FreshnessState.Empty);

    public int BrokenLinkCount => BrokenLinks.Sum(d => d.Count);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A department's overdue (still running) and late (done after the due day) items, over every clock.</summary>
public sealed record DepartmentArrears(DepartmentKey Department, string Label, int Overdue, int DoneLate);

/// <summary>A department's 死链 (links in its published items that did not work when last checked).</summary>
public sealed record DepartmentLinks(DepartmentKey Department, string Label, int Count);
