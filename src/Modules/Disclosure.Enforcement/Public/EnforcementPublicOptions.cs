namespace Disclosure.Enforcement.Public;

/// <summary>
/// Settings of the public 执法公开 pages (<c>Enforcement</c> section): the per-IP limits of 警务公开查询 and which
/// 信息公开目录 classes the 执法公开平台 page lists under 执法主体, 执法依据, 执法流程, 救济途径 and 双随机一公开. The
/// limits are per client IP address; behind a reverse proxy configure forwarded headers.
/// </summary>
public sealed class EnforcementPublicOptions
{
    public const string SectionName = "Enforcement";

    /// <summary>Queries (POST, with a valid form) allowed per IP address in <see cref="QueryWindowSeconds"/>.</summary>
    public int QueryPermitLimit { get; set; } = 10;

    public int QueryWindowSeconds { get; set; } = 600;

    /// <summary>Views of the query page (GET, each issuing a captcha) allowed per IP address in <see cref="GetWindowSeconds"/>.</summary>
    public int GetPermitLimit { get; set; } = 60;

    public int GetWindowSeconds { get; set; } = 60;

    /// <summary>执法主体: the class of 机构设置 and 内设机构.</summary>
    public string SubjectsCatalogue { get; set; } = "01";

    /// <summary>执法依据: 法律法规 and 规范性文件.</summary>
    public string BasisCatalogue { get; set; } = "02";

    /// <summary>执法流程: the 办事指南 (the case kinds' steps are listed beside them).</summary>
    public string ProcessCatalogue { get; set; } = "06";

    /// <summary>救济途径: 举报投诉 (the case kinds' rights texts are listed beside them).</summary>
    public string RemediesCatalogue { get; set; } = "04.01";

    /// <summary>双随机一公开: 随机抽查事项清单和抽查结果.</summary>
    public string RandomInspectionCatalogue { get; set; } = "04.04";

    /// <summary>How many of the latest items of each class the page lists.</summary>
    public int ItemsPerSection { get; set; } = 5;

    /// <summary>How long the public statistics are kept before they are counted again; 0 counts them on every view.</summary>
    public int StatisticsCacheSeconds { get; set; } = 300;
}
