using Microsoft.EntityFrameworkCore;

namespace Disclosure.AnnualReports.Data;

/// <summary>
/// The office's draft of one agency's annual report for one year (table AnnualReports): its text for sections
/// 一, 五 and 六, the cells it entered by hand, and the snapshot of figures the tables show. The snapshot before
/// the last refresh is kept beside it, so the page can say which counts moved. Once submitted, the report is also
/// a content item (<see cref="ContentItemId"/>) that goes through the review chain like any disclosure.
/// </summary>
public sealed class AnnualReportRecord
{
    public long Id { get; set; }

    /// <summary>The 发布机构 the report is on (an agency code).</summary>
    public required string AgencyCode { get; set; }

    /// <summary>The year reported on.</summary>
    public int Year { get; set; }

    /// <summary>The format's year (2021 for 国办公开办函〔2021〕30号).</summary>
    public int FormatYear { get; set; }

    /// <summary>一、总体情况: drafted from the figures, then edited by the office.</summary>
    public required string Overview { get; set; }

    /// <summary>五、存在的主要问题及改进情况.</summary>
    public string Problems { get; set; } = string.Empty;

    /// <summary>六、其他需要报告的事项.</summary>
    public string Other { get; set; } = string.Empty;

    /// <summary>Hand-entered cells as JSON (<c>{"二|行政强制|本年处理决定数量": 3}</c>).</summary>
    public string ManualJson { get; set; } = "{}";

    /// <summary>The figures as last computed (<c>AnnualReportFigures.ToJson</c>).</summary>
    public required string FiguresJson { get; set; }

    /// <summary>The figures before the last refresh, or null for a draft never refreshed.</summary>
    public string? PreviousFiguresJson { get; set; }

    public DateTime FiguresComputedUtc { get; set; }

    /// <summary>The figures as last submitted into review: what the content item shows, and what next year's carry-over is checked against once published.</summary>
    public string? SubmittedFiguresJson { get; set; }

    /// <summary>The content item the report was submitted as, once submitted.</summary>
    public string? ContentItemId { get; set; }

    public DateTime CreatedUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>Changed on every save, so two officers editing at once cannot overwrite each other.</summary>
    public required string ConcurrencyStamp { get; set; }
}
