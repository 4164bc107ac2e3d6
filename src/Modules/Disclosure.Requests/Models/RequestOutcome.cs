namespace Disclosure.Requests.Models;

/// <summary>
/// 办理结果: the statutory outcomes, one per data row of table 三（三） (国办公开办函〔2021〕30号). An application is
/// closed with exactly one; a partly disclosed one is <see cref="PartiallyDisclosed"/> only, whatever else applied
/// (区分处理的，只计这一情形).
/// </summary>
public enum RequestOutcome
{
    Disclosed,
    PartiallyDisclosed,

    WithheldStateSecret,
    WithheldProhibitedByLaw,
    WithheldThreeSecurities,
    WithheldThirdPartyRights,
    WithheldInternalAffairs,
    WithheldProcessInformation,
    WithheldEnforcementCaseFile,
    WithheldAdministrativeQuery,

    UnavailableNotHeld,
    UnavailableNeedsCreation,
    UnavailableStillUnclear,

    NotProcessedPetition,
    NotProcessedRepeated,
    NotProcessedPublication,
    NotProcessedExcessive,
    NotProcessedConfirmation,

    OtherNoCorrection,
    OtherFeeUnpaid,
    OtherOther,
}

/// <summary>The sections（一）…（六）of table 三（三）.</summary>
public enum OutcomeCategory
{
    Disclosed,
    PartiallyDisclosed,
    Withheld,
    Unavailable,
    NotProcessed,
    Other,
}

/// <summary>One section of the outcome list with its label exactly as table 三 prints it and its outcomes in order.</summary>
public sealed record OutcomeSection(OutcomeCategory Category, string Label, string ShortName, IReadOnlyList<RequestOutcome> Outcomes)
{
    /// <summary>（一）予以公开 and（二）部分公开 are rows themselves; the others only head their numbered reasons.</summary>
    public bool HasReasons => Category is not (OutcomeCategory.Disclosed or OutcomeCategory.PartiallyDisclosed);
}

/// <summary>The labels of table 三, character for character (full-width brackets, the curly quotes of “三安全一稳定”).</summary>
public static class RequestOutcomes
{
    public static readonly IReadOnlyList<OutcomeSection> Sections =
    [
        new(OutcomeCategory.Disclosed, "（一）予以公开", "予以公开", [RequestOutcome.Disclosed]),
        new(OutcomeCategory.PartiallyDisclosed, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开", [RequestOutcome.PartiallyDisclosed]),
        new(OutcomeCategory.Withheld, "（三）不予公开", "不予公开",
        [
            RequestOutcome.WithheldStateSecret, RequestOutcome.WithheldProhibitedByLaw, RequestOutcome.WithheldThreeSecurities,
            RequestOutcome.WithheldThirdPartyRights, RequestOutcome.WithheldInternalAffairs, RequestOutcome.WithheldProcessInformation,
            RequestOutcome.WithheldEnforcementCaseFile, RequestOutcome.WithheldAdministrativeQuery,
        ]),
        new(OutcomeCategory.Unavailable, "（四）无法提供", "无法提供",
            [RequestOutcome.UnavailableNotHeld, RequestOutcome.UnavailableNeedsCreation, RequestOutcome.UnavailableStillUnclear]),
        new(OutcomeCategory.NotProcessed, "（五）不予处理", "不予处理",
        [
            RequestOutcome.NotProcessedPetition, RequestOutcome.NotProcessedRepeated, RequestOutcome.NotProcessedPublication,
            RequestOutcome.NotProcessedExcessive, RequestOutcome.NotProcessedConfirmation,
        ]),
        new(OutcomeCategory.Other, "（六）其他处理", "其他处理",
            [RequestOutcome.OtherNoCorrection, RequestOutcome.OtherFeeUnpaid, RequestOutcome.OtherOther]),
    ];

    /// <summary>Every outcome in table order (22 rows less（七）总计 = 21 outcomes).</summary>
    public static readonly IReadOnlyList<RequestOutcome> All = Sections.SelectMany(s => s.Outcomes).ToList();

    public static OutcomeSection SectionOf(RequestOutcome outcome) => Sections.Single(s => s.Outcomes.Contains(outcome));

    public static OutcomeCategory CategoryOf(RequestOutcome outcome) => SectionOf(outcome).Category;

    /// <summary>The row label as table 三 prints it: "1.属于国家秘密", or the section's own label for（一）and（二）.</summary>
    public static string RowLabel(RequestOutcome outcome) => outcome switch
    {
        RequestOutcome.Disclosed => "（一）予以公开",
        RequestOutcome.PartiallyDisclosed => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        RequestOutcome.WithheldStateSecret => "1.属于国家秘密",
        RequestOutcome.WithheldProhibitedByLaw => "2.其他法律行政法规禁止公开",
        RequestOutcome.WithheldThreeSecurities => "3.危及“三安全一稳定”",
        RequestOutcome.WithheldThirdPartyRights => "4.保护第三方合法权益",
        RequestOutcome.WithheldInternalAffairs => "5.属于三类内部事务信息",
        RequestOutcome.WithheldProcessInformation => "6.属于四类过程性信息",
        RequestOutcome.WithheldEnforcementCaseFile => "7.属于行政执法案卷",
        RequestOutcome.WithheldAdministrativeQuery => "8.属于行政查询事项",
        RequestOutcome.UnavailableNotHeld => "1.本机关不掌握相关政府信息",
        RequestOutcome.UnavailableNeedsCreation => "2.没有现成信息需要另行制作",
        RequestOutcome.UnavailableStillUnclear => "3.补正后申请内容仍不明确",
        RequestOutcome.NotProcessedPetition => "1.信访举报投诉类申请",
        RequestOutcome.NotProcessedRepeated => "2.重复申请",
        RequestOutcome.NotProcessedPublication => "3.要求提供公开出版物",
        RequestOutcome.NotProcessedExcessive => "4.无正当理由大量反复申请",
        RequestOutcome.NotProcessedConfirmation => "5.要求行政机关确认或重新出具已获取信息",
        RequestOutcome.OtherNoCorrection => "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        RequestOutcome.OtherFeeUnpaid => "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        RequestOutcome.OtherOther => "3.其他",
        _ => outcome.ToString(),
    };

    /// <summary>How an outcome reads on its own (lists, the ledger, the reply letter): "不予公开：属于国家秘密".</summary>
    public static string DisplayName(RequestOutcome outcome)
    {
        var section = SectionOf(outcome);
        if (!section.HasReasons)
        {
            return section.ShortName;
        }

        var label = RowLabel(outcome);
        return $"{section.ShortName}：{label[(label.IndexOf('.') + 1)..]}";
    }

    public static bool TryParse(string? text, out RequestOutcome outcome) =>
        Enum.TryParse(text, ignoreCase: false, out outcome) && Enum.IsDefined(outcome) && !int.TryParse(text, out _);
}
