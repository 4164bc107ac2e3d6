using Disclosure.Channels.Outbox;
using Disclosure.Core.Time;

namespace Disclosure.Channels.WeChat;

/// <summary>What each platform error means for the message, with the zh-CN text editors see (see shared/reference/wechat-api.md).</summary>
public static class WeChatErrors
{
    public const int SystemBusy = -1;
    public const int InvalidCredential = 40001;
    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;
    public const int InvalidMediaId = 40007;
    public const int IpNotWhitelisted = 40164;
    public const int DailyQuota = 45009;
    public const int MinuteQuota = 45011;
    public const int Unauthorised = 48001;
    public const int PublishCheckFailed = 53503;

    public static bool IsTokenError(int code) => code is InvalidCredential or InvalidAccessToken or AccessTokenExpired;

    public static DeliveryResult ToResult(WeChatApiException error, DateTime nowUtc) => error.ErrorCode switch
    {
        SystemBusy => new DeliveryResult.Retry("微信平台系统繁忙（-1），稍后自动重试。"),
        InvalidCredential or InvalidAccessToken or AccessTokenExpired =>
            new DeliveryResult.Retry($"微信 access_token 无效或已过期（{error.ErrorCode}），刷新后仍被拒绝，稍后自动重试。"),
        InvalidMediaId => new DeliveryResult.Fail($"微信素材 media_id 无效（40007）：{error.ErrorMessage}"),
        IpNotWhitelisted => new DeliveryResult.Fail("本服务器的 IP 不在公众号的 IP 白名单中（40164）。请在微信公众平台“设置与开发—基本配置”中将服务器出口 IP 加入白名单后重试。"),
        DailyQuota => new DeliveryResult.Wait(NextBeijingMidnight(nowUtc), "已达到微信接口每日调用次数上限（45009），额度于北京时间零点重置后自动继续。"),
        MinuteQuota => new DeliveryResult.Wait(nowUtc.AddMinutes(1), "微信接口调用过于频繁（45011），一分钟后自动继续。"),
        Unauthorised => new DeliveryResult.Fail("公众号没有该接口的权限（48001），通常是公众号尚未认证，请检查公众号配置。"),
        PublishCheckFailed => new DeliveryResult.Fail($"草稿未通过微信的发布检查（53503）：{error.ErrorMessage}"),
        _ => new DeliveryResult.Fail($"微信接口 {error.Path} 返回错误 {error.ErrorCode}：{error.ErrorMessage}"),
    };

    /// <summary>What a finished publication's <c>publish_status</c> means when it is not 0 (成功) or 1 (发布中).</summary>
    public static string PublishStatus(int status) => status switch
    {
        2 => "原创声明失败（publish_status 2）",
        3 => "常规失败（publish_status 3）",
        4 => "平台审核不通过（publish_status 4）",
        5 => "发布成功后文章已被删除（publish_status 5）",
        6 => "发布成功后文章已被平台封禁（publish_status 6）",
        _ => $"未知的发布状态 {status}",
    };

    private static DateTime NextBeijingMidnight(DateTime nowUtc)
    {
        var tomorrow = ChinaTime.ToDate(nowUtc).AddDays(1);
        return DateTime.SpecifyKind(tomorrow.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc) - ChinaTime.Offset;
    }
}
