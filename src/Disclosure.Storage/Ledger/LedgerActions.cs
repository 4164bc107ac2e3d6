namespace Disclosure.Storage.Ledger;

/// <summary>The actions the 信息发布台账 records, with their zh-CN names for the office's pages and exports.</summary>
public static class LedgerActions
{
    public const string Publish = "publish";
    public const string EmergencyPublish = "emergency-publish";
    public const string Schedule = "schedule";
    public const string Withdraw = "withdraw";
    public const string CalendarDayAdded = "calendar-day-added";
    public const string CalendarDayRemoved = "calendar-day-removed";
    public const string CalendarImported = "calendar-imported";
    public const string AgencyCalendarDayAdded = "agency-calendar-day-added";
    public const string AgencyCalendarDayRemoved = "agency-calendar-day-removed";
    public const string KeyRotated = "ledger-key-rotated";
    /// <summary>The site's data written out by the export command (迁出); the detail says whether personal data went with it.</summary>
    public const string SiteExported = "site-exported";

    /// <summary>The zh-CN name of a kernel action, or null; pages and exports name every action through <see cref="LedgerActionNames"/>.</summary>
    internal static string? KernelName(string action) => action switch
    {
        Publish => "发布",
        EmergencyPublish => "紧急发布",
        Schedule => "定时发布",
        Withdraw => "撤回",
        CalendarDayAdded => "工作日历新增日期",
        CalendarDayRemoved => "工作日历删除日期",
        CalendarImported => "导入全年节假日安排",
        AgencyCalendarDayAdded => "机构工作日历新增本地日期",
        AgencyCalendarDayRemoved => "机构工作日历删除本地日期",
        KeyRotated => "台账密钥轮换",
        SiteExported => "导出站点数据",
        _ => Identity.AccountLedgerActions.DisplayName(action)
            ?? Settings.SettingsLedgerActions.DisplayName(action),
    };
}
