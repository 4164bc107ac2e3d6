namespace Disclosure.Contents.Review;

/// <summary>
/// The review's actions recorded in the 信息发布台账 (上报, 审核, 退回, 脱敏, the 敏感词 list), with their zh-CN names.
/// Publication itself (发布, 紧急发布, 定时发布, 撤回) is the kernel's <c>LedgerActions</c>: the integrity check reads it.
/// </summary>
public static class ReviewLedgerActions
{
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Return = "return";
    public const string Restart = "restart";
    public const string Override = "override";
    public const string Mask = "mask";
    /// <summary>脱敏后通过: the masks applied and the masked version passed on; the entry holds both hashes.</summary>
    public const string MaskAndApprove = "mask-approve";
    public const string KeywordAdded = "keyword-added";
    public const string KeywordRemoved = "keyword-removed";

    /// <summary>The zh-CN name, or null when the action is not one of these.</summary>
    public static string? DisplayName(string action) => action switch
    {
        Submit => "上报",
        Approve => "审核通过",
        Return => "退回",
        Restart => "修改后重新审核",
        Override => "确认可公开",
        Mask => "脱敏处理",
        MaskAndApprove => "脱敏后通过",
        KeywordAdded => "新增敏感词",
        KeywordRemoved => "删除敏感词",
        _ => null,
    };
}
