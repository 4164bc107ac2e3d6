namespace Disclosure.Requests.Models;

/// <summary>How an applicant challenged the handling of an application: table 四's three column groups.</summary>
public enum AppealKind
{
    /// <summary>行政复议.</summary>
    Reconsideration,

    /// <summary>行政诉讼 — 未经复议直接起诉.</summary>
    DirectLitigation,

    /// <summary>行政诉讼 — 复议后起诉.</summary>
    LitigationAfterReconsideration,
}

/// <summary>The result columns of table 四.</summary>
public enum AppealResult
{
    /// <summary>结果维持.</summary>
    Upheld,

    /// <summary>结果纠正.</summary>
    Corrected,

    /// <summary>其他结果.</summary>
    Other,

    /// <summary>尚未审结.</summary>
    Pending,
}

public static class AppealNames
{
    public static string Kind(AppealKind kind) => kind switch
    {
        AppealKind.Reconsideration => "行政复议",
        AppealKind.DirectLitigation => "行政诉讼（未经复议直接起诉）",
        AppealKind.LitigationAfterReconsideration => "行政诉讼（复议后起诉）",
        _ => kind.ToString(),
    };

    /// <summary>The column heading as table 四 prints it.</summary>
    public static string Result(AppealResult result) => result switch
    {
        AppealResult.Upheld => "结果维持",
        AppealResult.Corrected => "结果纠正",
        AppealResult.Other => "其他结果",
        AppealResult.Pending => "尚未审结",
        _ => result.ToString(),
    };

    /// <summary>复议机关 or 人民法院, for the form label.</summary>
    public static string Authority(AppealKind kind) => kind == AppealKind.Reconsideration ? "复议机关" : "人民法院";
}
