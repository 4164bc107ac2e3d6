namespace Disclosure.Channels.Weibo;

/// <summary>The platform answered with its error JSON (<c>error_code</c>, <c>error</c>, <c>request</c>).</summary>
public sealed class WeiboApiException(int errorCode, string? error, string path)
    : Exception($"微博接口 {path} 返回错误 {errorCode}：{error}")
{
    public int ErrorCode { get; } = errorCode;

    public string? Error { get; } = error;

    public string Path { get; } = path;

    /// <summary>What the code means for us and the zh-CN text editors see.</summary>
    public WeiboError Meaning => WeiboErrors.Describe(ErrorCode);
}

/// <summary>
/// No error JSON came back (a timeout, HTTP 5xx with another body, a broken answer): the call's outcome is unknown —
/// for <c>statuses/share</c>, the post may exist.
/// </summary>
public sealed class WeiboTransportException(string message) : Exception(message);
