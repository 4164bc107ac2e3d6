namespace Disclosure.Credit.Services;

/// <summary>The 双公示 and 权力清单 actions recorded in the 信息发布台账, with their zh-CN names.</summary>
public static class CreditLedgerActions
{
    public const string CreditDraftCreated = "credit-draft-created";
    public const string CreditDraftEdited = "credit-draft-edited";
    public const string CreditDraftDeleted = "credit-draft-deleted";
    public const string CreditPublish = "credit-publish";
    public const string CreditPublishBatch = "credit-publish-batch";
    public const string CreditWithdraw = "credit-withdraw";
    public const string CreditRepair = "credit-repair";
    public const string CreditImport = "credit-import";
    public const string PowerListImport = "power-list-import";

    /// <summary>The zh-CN name, or null when the action is not one of these.</summary>
    public static string? DisplayName(string action) => action switch
    {
        CreditDraftCreated => "双公示录入",
        CreditDraftEdited => "双公示修改",
        CreditDraftDeleted => "双公示删除",
        CreditPublish => "双公示发布",
        CreditPublishBatch => "双公示批量发布",
        CreditWithdraw => "双公示撤回",
        CreditRepair => "信用修复",
        CreditImport => "双公示批量导入",
        PowerListImport => "权力清单批量导入",
        _ => null,
    };
}
