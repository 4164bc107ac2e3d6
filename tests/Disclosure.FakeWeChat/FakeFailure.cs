namespace Disclosure.FakeWeChat;

/// <summary>A failure the fake answers a call with instead of serving it.</summary>
public abstract record FakeFailure
{
    /// <summary>HTTP 200 with this <c>errcode</c> (−1 系统繁忙, 45009 quota, 40164 whitelist …).</summary>
    public sealed record ErrorCode(int Code, string Message) : FakeFailure;

    /// <summary>An HTTP error status (500, 502 …) with no JSON.</summary>
    public sealed record HttpStatus(int StatusCode) : FakeFailure;

    /// <summary>Waits this long, then serves the call normally (the client has usually given up by then).</summary>
    public sealed record Delay(TimeSpan Duration) : FakeFailure;

    /// <summary>
    /// Serves the call — the platform accepts it and acts on it — then holds the answer back this long, so a client
    /// with a shorter timeout gives up without learning the outcome (a lost answer to <c>freepublish/submit</c>).
    /// </summary>
    public sealed record AnswerLost(TimeSpan Hold) : FakeFailure;

    public static FakeFailure SystemBusy { get; } = new ErrorCode(-1, "system error");

    public static FakeFailure DailyQuota { get; } = new ErrorCode(45009, "reach max api daily quota limit");

    public static FakeFailure ServerError { get; } = new HttpStatus(500);
}

/// <summary>One call the fake received and what it answered.</summary>
/// <param name="AppId">The official account the call was made as (its token's, or the one asking for a token); null when unknown.</param>
public sealed record FakeCall(string Path, string Query, string? Body, int StatusCode, int ErrorCode, DateTime AtUtc, string? AppId = null);

/// <summary>A published article.</summary>
public sealed record FakeArticle(string ArticleId, string Url, string Title, string Content, string? ContentSourceUrl, string ThumbMediaId)
{
    public bool Deleted { get; set; }

    /// <summary>The official account that published it.</summary>
    public string? AppId { get; init; }

    /// <summary>Orders the articles by when they went live (<c>freepublish/batchget</c> lists the newest first).</summary>
    public int PublishedOrder { get; init; }
}
