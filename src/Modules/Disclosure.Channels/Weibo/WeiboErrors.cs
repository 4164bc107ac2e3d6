namespace Disclosure.Channels.Weibo;

/// <summary>What an error code means for a delivery.</summary>
public enum WeiboErrorKind
{
    /// <summary>Something on the platform's side (1xxxx system errors): wait with back-off, attempts are not spent.</summary>
    Transient,

    /// <summary>A frequency limit: wait for the window (the platform's limits are per hour), attempts are not spent.</summary>
    RateLimited,

    /// <summary>The user token is expired, revoked or invalid: stop the account until a person authorises again.</summary>
    Token,

    /// <summary>The platform says the same content was posted: already posted if our own record says we sent it.</summary>
    Repeated,

    /// <summary>The post named does not exist (any more): for a withdrawal, nothing is left to delete.</summary>
    NoSuchPost,

    /// <summary>Anything else: the post was refused; a person must look (configuration, content, permissions).</summary>
    Refused,
}

/// <summary>One row of <see cref="WeiboErrors"/>.</summary>
public sealed record WeiboError(int Code, WeiboErrorKind Kind, string Message);

/// <summary>
/// The platform's error codes (open.weibo.com/wiki/Error_code; shared/reference/weibo-api.md, §Errors), one table
/// with what each means for a delivery and the zh-CN text editors see. The reference quotes only a few codes; the
/// others are written from the platform's published code list. A code not in the table is read by its class: 1xxxx
/// system errors are transient, 2xxxx service errors refuse the post.
/// </summary>
public static class WeiboErrors
{
    private static readonly Dictionary<int, WeiboError> Table = new WeiboError[]
    {
        // 系统级错误（1 开头）
        new(10001, WeiboErrorKind.Transient, "微博平台系统错误（10001），稍后自动重试。"),
        new(10002, WeiboErrorKind.Transient, "微博平台服务暂停（10002），稍后自动重试。"),
        new(10003, WeiboErrorKind.Transient, "微博平台远程服务错误（10003），稍后自动重试。"),
        new(10009, WeiboErrorKind.Transient, "微博平台任务过多、系统繁忙（10009），稍后自动重试。"),
        new(10010, WeiboErrorKind.Transient, "微博平台任务超时（10010），稍后自动重试。"),
        new(10011, WeiboErrorKind.Transient, "微博平台 RPC 错误（10011），稍后自动重试。"),
        new(10004, WeiboErrorKind.Refused, "本服务器的 IP 被微博平台限制，不能请求该接口（10004）。请联系微博开放平台核实应用的 IP 设置后重试。"),
        new(10005, WeiboErrorKind.Refused, "微博应用没有该接口的权限（10005），需要更高级别的应用。请在微博开放平台申请后重试。"),
        new(10006, WeiboErrorKind.Refused, "请求缺少应用的 App Key（10006），请检查 Channels:Weibo:AppKey。"),
        new(10008, WeiboErrorKind.Refused, "微博接口参数错误（10008）。"),
        new(10012, WeiboErrorKind.Refused, "微博平台认为本次请求非法（10012），请检查应用设置与 rip（Channels:Weibo:Rip）。"),
        new(10013, WeiboErrorKind.Refused, "微博账号不合法（10013），请检查所授权的账号状态。"),
        new(10014, WeiboErrorKind.Refused, "微博应用的接口访问权限受限（10014），请在微博开放平台为应用开通 statuses/share 等接口。"),
        new(10016, WeiboErrorKind.Refused, "微博接口缺少必选参数（10016）。"),
        new(10017, WeiboErrorKind.Refused, "微博接口参数值非法（10017）。"),
        new(10018, WeiboErrorKind.Refused, "请求长度超过微博平台的限制（10018）。"),
        new(10022, WeiboErrorKind.RateLimited, "本服务器 IP 的请求次数已达微博平台上限（10022），到下一个整点后自动继续。"),
        new(10023, WeiboErrorKind.RateLimited, "微博账号的请求次数已达上限（10023），到下一个整点后自动继续。"),
        new(10024, WeiboErrorKind.RateLimited, "微博账号发布接口的请求次数已达上限（10024），到下一个整点后自动继续。"),

        // 服务级错误（2 开头）
        new(20005, WeiboErrorKind.Refused, "微博平台不支持该图片格式（20005）。"),
        new(20006, WeiboErrorKind.Refused, "图片超过微博平台的大小限制（20006）。"),
        new(20008, WeiboErrorKind.Refused, "微博内容为空（20008）。"),
        new(20012, WeiboErrorKind.Refused, "微博文字超过 140 字（20012）：这是本系统截断规则的问题，请报告技术支持。"),
        new(20013, WeiboErrorKind.Refused, "微博文字超过 140 字（20013）：这是本系统截断规则的问题，请报告技术支持。"),
        new(20015, WeiboErrorKind.Refused, "微博账号、IP 或应用被平台判为非法（20015），请登录微博核实账号状态。"),
        new(20016, WeiboErrorKind.RateLimited, "发布过于频繁（20016），到下一个整点后自动继续。"),
        new(20017, WeiboErrorKind.Repeated, "微博平台认为提交了相似的内容（20017）。"),
        new(20018, WeiboErrorKind.Refused, "微博内容包含平台认为非法的网址（20018）：请确认 Site:PublicUrl 是应用的安全域名。"),
        new(20019, WeiboErrorKind.Repeated, "微博平台认为提交了相同的内容（20019）。"),
        new(20020, WeiboErrorKind.Refused, "微博平台认为内容包含广告（20020），请在微博中人工发布。"),
        new(20021, WeiboErrorKind.Refused, "微博平台认为内容包含违规信息（20021），请在微博中人工核对。"),
        new(20022, WeiboErrorKind.Refused, "微博平台认为此 IP 上的行为异常（20022），请登录微博核实。"),
        new(20031, WeiboErrorKind.Refused, "微博平台要求输入验证码（20031），请登录微博人工发布一次后重试。"),
        new(20101, WeiboErrorKind.NoSuchPost, "该条微博不存在（20101）。"),
        new(20102, WeiboErrorKind.Refused, "该条微博不是本账号发布的（20102），不能删除。"),
        new(20111, WeiboErrorKind.Repeated, "不能发布相同的微博（20111）。"),
        new(21301, WeiboErrorKind.Token, "微博账号认证失败（21301）"),
        new(21314, WeiboErrorKind.Token, "微博授权已被使用（21314）"),
        new(21315, WeiboErrorKind.Token, "微博授权已过期（21315）"),
        new(21316, WeiboErrorKind.Token, "微博授权已失效（21316）"),
        new(21317, WeiboErrorKind.Token, "微博授权已失效（21317）"),
        new(21319, WeiboErrorKind.Token, "微博账号已解除对本应用的授权（21319）"),
        new(21327, WeiboErrorKind.Token, "微博授权已过期（21327）"),
        new(21332, WeiboErrorKind.Token, "微博授权无效（21332）"),
        new(21322, WeiboErrorKind.Refused, "授权回调地址与应用设置的不一致（21322 redirect_uri_mismatch），请检查 Channels:Weibo:RedirectUri 与应用的授权回调页。"),
        new(21323, WeiboErrorKind.Refused, "授权请求不合法（21323 invalid_request）。"),
        new(21324, WeiboErrorKind.Refused, "App Key 或 App Secret 无效（21324 invalid_client），请检查 Channels:Weibo:AppKey 与 AppSecret。"),
        new(21325, WeiboErrorKind.Refused, "授权码无效、已过期或已使用（21325 invalid_grant），请重新授权。"),
        new(21330, WeiboErrorKind.Refused, "微博账号拒绝了授权（21330 access_denied）。"),
    }.ToDictionary(e => e.Code);

    /// <summary>The row for <paramref name="code"/>, or one made from its class (1xxxx transient, otherwise refused).</summary>
    public static WeiboError Describe(int code) =>
        Table.TryGetValue(code, out var known) ? known
        : code is >= 10000 and < 20000 ? new WeiboError(code, WeiboErrorKind.Transient, $"微博平台系统级错误（{code}），稍后自动重试。")
        : new WeiboError(code, WeiboErrorKind.Refused, $"微博平台拒绝了请求（{code}）。");

    /// <summary>Every code the table knows, for its tests.</summary>
    public static IReadOnlyCollection<WeiboError> All => Table.Values;

    /// <summary>What a person reads when an account's token was refused: what happened and what to do.</summary>
    public static string ReauthoriseMessage(string accountLabel, string reason) =>
        $"{reason}：政务微博“{accountLabel}”已停止推送。请公开办在“发布渠道—政务微博”中重新授权，然后重试失败的推送。";
}
