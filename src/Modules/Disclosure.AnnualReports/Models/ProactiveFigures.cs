namespace Disclosure.AnnualReports.Models;

/// <summary>One row of table 二's 第二十条第（一）项 block: 本年制发件数 · 本年废止件数 · 现行有效件数.</summary>
public readonly record struct DocumentCounts(int Issued, int Abolished, int InForce)
{
    public IReadOnlyList<int> Cells => [Issued, Abolished, InForce];
}

/// <summary>
/// The figures of table 二, 主动公开政府信息情况. Every one comes from the system's records except
/// <see cref="Enforcement"/> (行政强制), which has no record type yet: it is null until the office enters it by hand.
/// </summary>
/// <param name="Rules">规章, from regulatory documents whose 文件类别 is 规章.</param>
/// <param name="Normative">行政规范性文件, from the other regulatory documents.</param>
/// <param name="Licensing">行政许可 decisions of the year, from the 双公示 licensing records.</param>
/// <param name="Penalty">行政处罚 decisions of the year, from the 双公示 penalty records.</param>
/// <param name="Enforcement">行政强制 decisions of the year; entered by hand.</param>
/// <param name="FeeAmount">行政事业性收费 collected in the year, in 万元, from the fee items.</param>
public sealed record ProactiveFigures(
    DocumentCounts Rules,
    DocumentCounts Normative,
    int Licensing,
    int Penalty,
    int? Enforcement,
    decimal FeeAmount);
