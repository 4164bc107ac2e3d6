namespace Disclosure.Supervision.Links;

/// <summary>What checking one link found.</summary>
/// <param name="Outcome">Works, broken, or not checked (a host the configuration does not allow).</param>
/// <param name="StatusCode">The HTTP status answered, when there was an answer.</param>
/// <param name="Reason">Why it is broken, in zh-CN.</param>
public sealed record LinkVerdict(LinkOutcome Outcome, int? StatusCode = null, string? Reason = null)
{
    public static readonly LinkVerdict Ok = new(LinkOutcome.Ok);

    public static readonly LinkVerdict NotChecked = new(LinkOutcome.NotChecked);

    public static LinkVerdict Broken(string reason, int? statusCode = null) => new(LinkOutcome.Broken, statusCode, reason);
}

public enum LinkOutcome
{
    Ok,
    Broken,

    /// <summary>Not requested: the host, or a redirect's target host, is not in <c>Supervision:LinkCheck:AllowedHosts</c>.</summary>
    NotChecked,
}

/// <summary>The zh-CN reasons the office reads on the 死链 page.</summary>
public static class LinkReasons
{
    public const string ItemMissing = "404 信息不存在";
    public const string ItemWithdrawn = "信息已撤回";
    public const string AttachmentMissing = "附件不存在";
    public const string CatalogueMissing = "目录分类不存在";
    public const string AgencyMissing = "机构站点不存在";
    public const string PageMissing = "404 页面不存在";
    public const string Timeout = "超时";
    public const string Unreachable = "无法连接";
    public const string NameNotResolved = "域名无法解析";
    public const string TooManyRedirects = "重定向次数过多";
    public const string BadRedirect = "重定向地址无效";

    /// <summary>The reason for an HTTP status that is not success.</summary>
    public static string ForStatus(int status) => status switch
    {
        404 => PageMissing,
        410 => "410 已删除",
        401 => "401 需要登录",
        403 => "403 禁止访问",
        >= 500 => $"{status} 服务器错误",
        _ => $"HTTP {status}",
    };
}
