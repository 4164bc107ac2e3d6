namespace Disclosure.AnnualReports.Models;

/// <summary>Table 二's labels, character for character as format 2021 prints them (full-width brackets).</summary>
public static class ProactiveTableLabels
{
    public const string Title = "二、主动公开政府信息情况";
    public const string ContentColumn = "信息内容";

    public const string Article20Item1 = "第二十条第（一）项";
    public const string Article20Item5 = "第二十条第（五）项";
    public const string Article20Item6 = "第二十条第（六）项";
    public const string Article20Item8 = "第二十条第（八）项";

    public const string Rules = "规章";
    public const string Normative = "行政规范性文件";
    public const string Licensing = "行政许可";
    public const string Penalty = "行政处罚";
    public const string Enforcement = "行政强制";
    public const string Fees = "行政事业性收费";

    public static readonly IReadOnlyList<string> DocumentColumns = ["本年制发件数", "本年废止件数", "现行有效件数"];
    public const string DecisionColumn = "本年处理决定数量";
    public const string FeeColumn = "本年收费金额（单位：万元）";
}

/// <summary>Table 四's column groups as printed.</summary>
public static class AppealTableLabels
{
    public const string Reconsideration = "行政复议";
    public const string Litigation = "行政诉讼";
    public const string DirectLitigation = "未经复议直接起诉";
    public const string LitigationAfterReconsideration = "复议后起诉";
}
