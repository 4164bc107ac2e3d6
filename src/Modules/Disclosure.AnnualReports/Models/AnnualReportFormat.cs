namespace Disclosure.AnnualReports.Models;

/// <summary>
/// The national format an annual report is written in. Formats are versioned by the year they first apply to:
/// 国办公开办函〔2021〕30号 (format 2021) governs reports on 2021 onward. The 2019 trial format (reports on 2019 and
/// 2020: other columns in table 二, one row for（六）其他处理) is not implemented; a report on those years is refused.
/// </summary>
public sealed class AnnualReportFormat
{
    private AnnualReportFormat(int year, string document) => (Year, Document) = (year, document);

    /// <summary>The year of the first report this format applies to.</summary>
    public int Year { get; }

    /// <summary>The document that prescribes it.</summary>
    public string Document { get; }

    public static readonly AnnualReportFormat Format2021 = new(2021, "国办公开办函〔2021〕30号");

    /// <summary>The section headings, in order (agencies may retitle; these are the defaults).</summary>
    public static class Sections
    {
        public const string Overview = "一、总体情况";
        public const string Proactive = "二、主动公开政府信息情况";
        public const string Applications = "三、收到和处理政府信息公开申请情况";
        public const string Appeals = "四、政府信息公开行政复议、行政诉讼情况";
        public const string Problems = "五、存在的主要问题及改进情况";
        public const string Other = "六、其他需要报告的事项";

        public static readonly IReadOnlyList<string> All = [Overview, Proactive, Applications, Appeals, Problems, Other];
    }

    /// <summary>The format for a report on <paramref name="reportYear"/>, or null when none is implemented for it.</summary>
    public static AnnualReportFormat? For(int reportYear) => reportYear >= Format2021.Year ? Format2021 : null;

    /// <summary>The report's title: {机构名称}2025年政府信息公开工作年度报告, the name from 站点设置 (the agency row).</summary>
    public static string Title(string agencyName, int year) => $"{agencyName}{year}年政府信息公开工作年度报告";
}
