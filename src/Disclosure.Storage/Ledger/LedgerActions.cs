namespace Disclosure.Storage.Ledger;

/// <summary>The actions the 信息发布台账 records, with their zh-CN names for the office's pages and exports.</summary>
public static class LedgerActions
{
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Return = "return";
    public const string Restart = "restart";
    public const string Override = "override";
    public const string Mask = "mask";
    /// <summary>脱敏后通过: the masks applied and the masked version passed on; the entry holds both hashes.</summary>
    public const string MaskAndApprove = "mask-approve";
    public const string Publish = "publish";
    public const string EmergencyPublish = "emergency-publish";
    public const string Schedule = "schedule";
    public const string Withdraw = "withdraw";
    public const string KeywordAdded = "keyword-added";
    public const string KeywordRemoved = "keyword-removed";
    public const string CalendarDayAdded = "calendar-day-added";
    public const string CalendarDayRemoved = "calendar-day-removed";
    public const string CalendarImported = "calendar-imported";
    public const string KeyRotated = "ledger-key-rotated";

    /// <summary>The zh-CN name of a kernel action, or null; pages and exports name every action through <see cref="LedgerActionNames"/>.</summary>
    internal static string? KernelName(string action) => action switch
    {
        Submit => "上报",
        Approve => "审核通过",
        Return => "退回",
        Restart => "修改后重新审核",
        Override => "确认可公开",
        Mask => "脱敏处理",
        MaskAndApprove => "脱敏后通过",
        Publish => "发布",
        EmergencyPublish => "紧急发布",
        Schedule => "定时发布",
        Withdraw => "撤回",
        KeywordAdded => "新增敏感词",
        KeywordRemoved => "删除敏感词",
        CalendarDayAdded => "工作日历新增日期",
        CalendarDayRemoved => "工作日历删除日期",
        CalendarImported => "导入全年节假日安排",
        KeyRotated => "台账密钥轮换",
        _ => Identity.AccountLedgerActions.DisplayName(action)
            ?? Settings.SettingsLedgerActions.DisplayName(action),
    };
}
