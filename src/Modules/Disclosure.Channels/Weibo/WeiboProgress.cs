namespace Disclosure.Channels.Weibo;

/// <summary>
/// How far a delivery got (stored with the message), so a retry after a crash, a lost answer or a platform error
/// resumes instead of posting twice.
/// </summary>
public sealed class WeiboProgress
{
    /// <summary>The exact text sent with <c>statuses/share</c>: how the post is recognised in the account's timeline.</summary>
    public string? Text { get; set; }

    /// <summary>
    /// When <c>statuses/share</c> was last sent (saved before sending, cleared when the platform answers with an
    /// error, which means it did not post). Set while <see cref="PostId"/> is not, the answer was lost: the post may
    /// exist, and it is looked for before anything is sent again.
    /// </summary>
    public DateTime? ShareSentUtc { get; set; }

    /// <summary>Looks at the timeline since the lost answer.</summary>
    public int Lookups { get; set; }

    public string? PostId { get; set; }

    public string? PostUrl { get; set; }

    /// <summary>System errors (1xxxx) met in a row: the back-off grows with them; they do not spend attempts.</summary>
    public int SystemErrors { get; set; }

    /// <summary>A withdrawal's posts already deleted, so a retry does not ask again.</summary>
    public List<string> Destroyed { get; set; } = [];
}
