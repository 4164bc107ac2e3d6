namespace Disclosure.Core.Time;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving). Dates that matter to the office — 发布日期, the year of an
/// 索引号, the reporting year — are Beijing dates, whatever time zone the server runs in.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly ToDate(DateTime utc) => DateOnly.FromDateTime(utc.Add(Offset));

    public static DateTimeOffset ToLocal(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero).ToOffset(Offset);

    /// <summary>The UTC instant at which <paramref name="date"/> begins in Beijing.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - Offset;

    /// <summary>The UTC instant at which a Beijing calendar year begins.</summary>
    public static DateTime StartOfYearUtc(int year) => new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc) - Offset;
}
