using Disclosure.Core.Calendar;
using static Disclosure.Core.Tests.Calendar.ShippedCalendar;

namespace Disclosure.Core.Tests.Calendar;

public sealed class CalendarTextTests
{
    [Fact]
    public void Pasted_lines_become_the_days_of_the_year()
    {
        var (year, errors) = CalendarText.Parse(2027, """
            # 2027 年部分节假日安排
            2027-01-01 放假 元旦

            ２０２７－０２－０５至2027-02-07 放假 春节
            2027/1/31 上班 春节
            """, " 国办发明电〔2026〕1号 ");
        Assert.Empty(errors);
        Assert.Equal("国办发明电〔2026〕1号", year!.Source);
        Assert.Equal(
            ["2027-01-01 Holiday 元旦", "2027-01-31 AdjustedWorkingDay 春节", "2027-02-05 Holiday 春节", "2027-02-06 Holiday 春节", "2027-02-07 Holiday 春节"],
            year.Days.Select(d => $"{d.Date:yyyy-MM-dd} {d.Kind} {d.Name}"));
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_number()
    {
        var (year, errors) = CalendarText.Parse(2027, """
            2027-02-30 放假 春节
            2027-02-05 休假 春节
            2027-02-01 上班 春节
            2028-01-01 放假 元旦
            2027-02-05 放假
            2027-10-07 至 2027-10-01 放假 国庆节
            2027-10-01 放假 国庆节
            2027-10-01 放假 国庆节
            """, null);
        Assert.Null(year);
        Assert.Equal(
            [
                "第 1 行：日期“2027-02-30”无效，请按 YYYY-MM-DD 填写，例如 2026-10-01。",
                "第 2 行：“休假”应为“放假”或“上班”。",
                "第 3 行：2027-02-01 是星期一，本来就是工作日；调休上班日只能是星期六或星期日。",
                "第 4 行：日期 2028-01-01 不在 2027 年内。",
                "第 5 行：请填写节日名称，例如 春节。",
                "第 6 行：结束日期 2027-10-01 早于开始日期 2027-10-07。",
                "第 8 行：2027-10-01 已列为放假日（国庆节），不能重复添加。",
            ],
            errors);
    }

    [Fact]
    public void Nothing_pasted_is_an_error()
    {
        Assert.Single(CalendarText.Parse(2027, "  \n# 只有注释\n", null).Errors);
        Assert.Equal(["年份 20277 无效，应在 2000 到 2100 之间。"], CalendarText.Parse(20277, "2027-01-01 放假 元旦", null).Errors);
    }

    [Fact]
    public void A_year_written_out_reads_back_the_same()
    {
        var shipped = Instance.GetYear(2026)!;
        var text = CalendarText.Format(shipped);
        Assert.Contains("2026-02-15 至 2026-02-23 放假 春节\n", text);
        Assert.Contains("2026-02-14 上班 春节\n", text);
        var (again, errors) = CalendarText.Parse(2026, text, shipped.Source);
        Assert.Empty(errors);
        Assert.Equal(shipped.Days, again!.Days);
    }
}
