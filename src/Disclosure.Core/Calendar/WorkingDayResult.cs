namespace Disclosure.Core.Calendar;

/// <summary>
/// An answer of the working-day calendar together with the years it had no data for. For those years the
/// calendar counted plain Monday–Friday, so the answer is provisional (预计) and must be shown as such until the
/// office enters that year's holiday arrangements.
/// </summary>
public sealed record WorkingDayResult<T>(T Value, IReadOnlyList<int> UncoveredYears)
{
    /// <summary>True when part of the answer rests on an assumed Monday–Friday week.</summary>
    public bool IsProvisional => UncoveredYears.Count > 0;

    /// <summary>A zh-CN warning for the office, or null when every year involved is covered.</summary>
    public string? Warning => IsProvisional
        ? $"{string.Join("、", UncoveredYears)} 年的节假日安排尚未录入，已按周一至周五计算，结果可能不准确，请在工作日历中录入。"
        : null;
}
