namespace Disclosure.Channels.WeChat;

/// <summary>The platform answered with a non-zero <c>errcode</c>.</summary>
public sealed class WeChatApiException(int errorCode, string? errorMessage, string path)
    : Exception($"微信接口 {path} 返回错误 {errorCode}：{errorMessage}")
{
    public int ErrorCode { get; } = errorCode;

    public string? ErrorMessage { get; } = errorMessage;

    public string Path { get; } = path;
}

/// <summary>The call did not get a JSON answer: HTTP 5xx, a broken body. Retried with back-off.</summary>
public sealed class WeChatTransportException(string message) : Exception(message);
