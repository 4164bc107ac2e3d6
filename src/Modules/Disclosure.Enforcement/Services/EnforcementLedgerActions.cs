namespace Disclosure.Enforcement.Services;

/// <summary>
/// The 执法公开 actions recorded in the 信息发布台账. Their detail never holds personal data: a case is named by its
/// 案件编号 in the entry's subject, <c>case:A6401215100002026010012</c>, a party by its role.
/// </summary>
public static class EnforcementLedgerActions
{
    public const string SubjectPrefix = "case:";

    public const string CaseRegistered = "enforcement-case-registered";
    public const string EventRecorded = "enforcement-event-recorded";
    public const string EventReleased = "enforcement-event-released";
    public const string EventsImported = "enforcement-events-imported";
    public const string PartyViewed = "enforcement-party-viewed";
    public const string QueryCodeReissued = "enforcement-query-code-reissued";

    public static string Subject(string caseNumber) => SubjectPrefix + caseNumber;

    /// <summary>The zh-CN name, or null when the action is not one of these.</summary>
    public static string? DisplayName(string action) => action switch
    {
        CaseRegistered => "登记执法案件",
        EventRecorded => "记录案件办理环节",
        EventReleased => "向当事人公开办理环节",
        EventsImported => "导入案件办理环节",
        PartyViewed => "查看当事人信息",
        QueryCodeReissued => "重新生成当事人查询码",
        _ => null,
    };
}
