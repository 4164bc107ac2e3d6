namespace Disclosure.FakeWeibo;

/// <summary>A failure the fake answers a call with instead of serving it.</summary>
public abstract record FakeWeiboFailure
{
    /// <summary>The platform's error JSON with this code, at this HTTP status.</summary>
    public sealed record ErrorCode(int Code, string Error, int Status = 400) : FakeWeiboFailure;

    /// <summary>An HTTP error status (a gateway's 502 …) without the platform's JSON: the call was not served.</summary>
    public sealed record HttpStatus(int StatusCode) : FakeWeiboFailure;

    /// <summary>Waits this long, then serves the call normally (the client has usually given up by then).</summary>
    public sealed record Delay(TimeSpan Duration) : FakeWeiboFailure;

    /// <summary>
    /// Serves the call — the post is made — then holds the answer back this long, so a client with a shorter
    /// timeout gives up without learning the outcome (a lost answer to <c>statuses/share</c>).
    /// </summary>
    public sealed record AnswerLost(TimeSpan Hold) : FakeWeiboFailure;

    /// <summary>10002 服务暂停, as during the platform's maintenance.</summary>
    public static FakeWeiboFailure ServiceUnavailable { get; } = new ErrorCode(10002, "Service unavailable", 503);

    /// <summary>10023: the user's requests are over the hourly limit.</summary>
    public static FakeWeiboFailure RateLimited { get; } = new ErrorCode(10023, "User requests out of rate limit!", 403);
}

/// <summary>One call the fake received and what it answered.</summary>
/// <param name="Fields">The form or query fields (the picture left out).</param>
/// <param name="Picture">The <c>pic</c> part's bytes, when one was sent.</param>
/// <param name="Uid">The account whose token the call carried, when known.</param>
public sealed record FakeWeiboCall(string Path, IReadOnlyDictionary<string, string> Fields, byte[]? Picture, int StatusCode, int ErrorCode, DateTime AtUtc, string? Uid);

/// <summary>A post on the fake platform.</summary>
public sealed record FakeWeiboPost(string IdStr, string Uid, string Text, byte[]? Picture, string? Rip, DateTime CreatedUtc)
{
    public bool Deleted { get; set; }

    public string Url => $"https://weibo.com/{Uid}/{IdStr}";
}
