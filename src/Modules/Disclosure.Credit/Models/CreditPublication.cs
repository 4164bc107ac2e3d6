namespace Disclosure.Credit.Models;

/// <summary>
/// Whether a record may be published (公示) at all, and whether it is public today. The reasons a record may never
/// go public come from standards.md §4 and 《信用修复管理办法》: the party is a minor, the case involves state
/// secrets, trade secrets or personal privacy, or the penalty is 轻微 (not published in principle).
/// </summary>
public static class CreditPublication
{
    /// <summary>Why the record must not be published, in zh-CN; empty when it may be.</summary>
    public static IReadOnlyList<string> Blocks(bool partyIsMinor, bool involvesSecrets, Severity? severity, CreditPolicy policy)
    {
        var reasons = new List<string>();
        if (partyIsMinor)
        {
            reasons.Add("当事人为未成年人，依法不予公示。");
        }

        if (involvesSecrets)
        {
            reasons.Add("涉及国家秘密、商业秘密或者个人隐私，依法不予公示。");
        }

        if (severity == Severity.Minor && !policy.PublishMinor)
        {
            reasons.Add("轻微失信信息原则上不予公示（《信用修复管理办法》）；监管部门要求公示的，请由管理员在站点设置中开启 CreditPublishMinor。");
        }

        return reasons;
    }

    public static IReadOnlyList<string> Blocks(CreditRecordData record, CreditPolicy policy) =>
        Blocks(record.PartyIsMinor, record.InvolvesSecrets, (record as PenaltyData)?.Severity, policy);

    /// <summary>A published penalty is public through its 公示截止期 (inclusive) and gone from the day after.</summary>
    public static bool WithinPeriod(DateOnly publicationEnd, DateOnly today) => today <= publicationEnd;
}
