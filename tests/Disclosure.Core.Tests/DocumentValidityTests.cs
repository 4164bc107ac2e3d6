using System.Globalization;
using Disclosure.Core.Disclosure;

namespace Disclosure.Core.Tests;

public sealed class DocumentValidityTests
{
    [Theory]
    [InlineData("有效", "2024-01-01", "2028-12-31", "2026-11-23", "有效")]
    [InlineData("有效", "2024-01-01", "2025-09-30", "2026-11-23", "已失效")]   // past its 有效期, nobody edited it yet
    [InlineData("有效", "2024-01-01", "2026-11-23", "2026-11-23", "有效")]     // the last day still counts
    [InlineData("有效", "2024-01-01", "2026-11-22", "2026-11-23", "已失效")]
    [InlineData("有效", "2027-01-01", null, "2026-11-23", "尚未施行")]
    [InlineData("有效", null, null, "2026-11-23", "有效")]
    [InlineData("已废止", "2016-07-01", null, "2026-11-23", "已废止")]           // recorded by hand: kept
    [InlineData("已修改", "2016-06-01", "2030-01-01", "2026-11-23", "已修改")]
    [InlineData("已失效", "2018-04-03", "2030-12-31", "2026-11-23", "已失效")]
    [InlineData(null, "2020-01-01", null, "2026-11-23", "有效")]
    public void Validity_today_follows_the_record_and_the_calendar(string? declared, string? effective, string? expiry, string today, string expected) =>
        Assert.Equal(expected, DocumentValidity.Effective(declared, Date(effective), Date(expiry), DateOnly.Parse(today, CultureInfo.InvariantCulture)));

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
