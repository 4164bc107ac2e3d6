namespace Disclosure.Credit.Models;

/// <summary>双公示: 行政许可 (licensing) or 行政处罚 (penalty) records, kept in tables of their own.</summary>
public enum CreditRecordKind
{
    Licence,
    Penalty,
}

/// <summary>行政相对人类别, as the national 双公示 data standard names them.</summary>
public enum PartyKind
{
    LegalEntity,          // 法人及非法人组织
    NaturalPerson,        // 自然人
    IndividualBusiness,   // 个体工商户
}

/// <summary>失信严重程度 of a penalty, which sets its 公示期 (《信用修复管理办法》).</summary>
public enum Severity
{
    Minor,     // 轻微
    General,   // 一般
    Serious,   // 严重
}

/// <summary>
/// Where a record is in its life: 草稿 → 已公示 → 已撤回 (decision changed, revoked or void) or, for a penalty,
/// 已信用修复. A penalty whose 公示截止期 has passed keeps its status and simply drops out of public view.
/// </summary>
public enum CreditRecordStatus
{
    Draft,
    Published,
    Withdrawn,
    Repaired,
}

/// <summary>The zh-CN words of the 双公示 vocabulary, character for character as the national standard writes them.</summary>
public static class CreditVocabulary
{
    public static readonly IReadOnlyList<string> PartyKinds = ["法人及非法人组织", "自然人", "个体工商户"];

    public static readonly IReadOnlyList<string> IdTypes = ["身份证", "护照号", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证"];

    /// <summary>The 证件类型 whose numbers are checked as 公民身份号码 (GB 11643).</summary>
    public const string ResidentIdCard = "身份证";

    public static readonly IReadOnlyList<string> LicenceCategories = ["普通", "特许", "认可", "核准", "登记", "其他"];

    public static readonly IReadOnlyList<string> LicenceStates = ["有效", "无效"];

    /// <summary>处罚类别 after 行政处罚法（2021）第九条, one entry per kind so a decision can name several.</summary>
    public static readonly IReadOnlyList<string> PenaltyCategories =
    [
        "警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件",
        "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留", "其他",
    ];

    public const string Fine = "罚款";
    public static readonly IReadOnlyList<string> ConfiscationCategories = ["没收违法所得", "没收非法财物"];
    public static readonly IReadOnlyList<string> LicenceSanctionCategories = ["暂扣许可证件", "吊销许可证件"];

    public static readonly IReadOnlyList<string> Severities = ["轻微", "一般", "严重"];

    public static readonly IReadOnlyList<string> YesNo = ["是", "否"];

    /// <summary>有效期至 2099-12-31 means 长期 (open-ended) in the national standard.</summary>
    public static readonly DateOnly Indefinite = new(2099, 12, 31);

    public static string Name(PartyKind kind) => PartyKinds[(int)kind];

    public static string Name(Severity severity) => Severities[(int)severity];

    public static string Name(CreditRecordKind kind) => kind == CreditRecordKind.Licence ? "行政许可" : "行政处罚";

    public static string Name(CreditRecordStatus status) => status switch
    {
        CreditRecordStatus.Draft => "草稿（未公示）",
        CreditRecordStatus.Published => "已公示",
        CreditRecordStatus.Withdrawn => "已撤回",
        CreditRecordStatus.Repaired => "已信用修复",
        _ => status.ToString(),
    };

    public static bool TryParsePartyKind(string text, out PartyKind kind) => TryIndex(PartyKinds, text, out kind);

    public static bool TryParseSeverity(string text, out Severity severity) => TryIndex(Severities, text, out severity);

    private static bool TryIndex<T>(IReadOnlyList<string> names, string text, out T value) where T : struct, Enum
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == text)
            {
                value = (T)(object)i;
                return true;
            }
        }

        value = default;
        return false;
    }
}
