namespace Disclosure.Core.Calendar;

/// <summary>
/// An answer of the working-day calendar together with the years it had no data for. For those years the
/// calendar counted Monday–Friday less the statutory holidays it computed, without the notice's bridging (调休), so
/// the answer is provisional (预计) and must be shown as such until the office enters that year's arrangements.
/// </summary>
public sealed record WorkingDayResult<T>(T Value, IReadOnlyList<int> UncoveredYears)
{
    /// <summary>True when part of the answer rests on computed holidays instead of the published notice.</summary>
    public bool IsProvisional => UncoveredYears.Count > 0;

    /// <summary>A zh-CN warning for the office, or null when every year involved is covered.</summary>
    public string? Warning => IsProvisional
        ? $"{string.Join("、", UncoveredYears)} 年的节假日安排尚未录入，已按《全国年节及纪念日放假办法》推算法定节假日（未含调休）计算，结果为预计，请在工作日历中录入。"
        : null;
}
