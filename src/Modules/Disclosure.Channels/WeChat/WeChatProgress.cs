namespace Disclosure.Channels.WeChat;

/// <summary>
/// How far a publication got (stored with the message), so a retry after a crash or a failure resumes: a draft is
/// not added twice once its media_id is known, and — most important — a draft is never submitted twice once the
/// platform has given a publish_id.
/// </summary>
public sealed class WeChatProgress
{
    public string? DraftMediaId { get; set; }

    /// <summary>The draft's title and 阅读原文 URL: how the article is recognised among the published ones.</summary>
    public string? DraftTitle { get; set; }

    public string? DraftSourceUrl { get; set; }

    /// <summary>
    /// When <c>freepublish/submit</c> was last sent (saved before sending). Set while <see cref="PublishId"/> is
    /// not, the answer was lost: the platform may have published the draft all the same.
    /// </summary>
    public DateTime? SubmitSentUtc { get; set; }

    public string? PublishId { get; set; }

    public int Polls { get; set; }

    public string? ArticleId { get; set; }

    public string? ArticleUrl { get; set; }

    /// <summary>The article this one replaced (an update) has been deleted.</summary>
    public bool ReplacedDeleted { get; set; }
}
