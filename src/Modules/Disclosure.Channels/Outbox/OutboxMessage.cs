using Disclosure.Storage.Entities;

namespace Disclosure.Channels.Outbox;

/// <summary>Where an outbox message is in its life.</summary>
public enum OutboxState
{
    /// <summary>Waiting for its first attempt or for a retry at <see cref="OutboxMessage.NextAttemptUtc"/>.</summary>
    Pending,
    /// <summary>Delivered; never sent again.</summary>
    Sent,
    /// <summary>Given up after too many failures or a failure retrying cannot fix (死信); an editor may retry it.</summary>
    DeadLetter,
}

/// <summary>
/// One change to deliver to one channel target (发布渠道待发消息), written in the same transaction as the change itself
/// (the transactional outbox), so a publication that committed is never lost and one that rolled back is never sent.
/// Messages of one <see cref="Stream"/> (one item on one channel target) are delivered one at a time, in order.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary><c>channel/target/item</c>: the unit of ordering. Only the oldest pending message of a stream is ever claimed.</summary>
    public required string Stream { get; set; }

    public required string Channel { get; set; }

    /// <summary>Which endpoint of the channel (a webhook's name); empty for channels with one destination.</summary>
    public string Target { get; set; } = string.Empty;

    public required string ContentItemId { get; set; }

    public required string ContentType { get; set; }

    public int VersionNumber { get; set; }

    /// <summary>The change-log row this message was written with.</summary>
    public long ChangeSequence { get; set; }

    public ChangeKind Kind { get; set; }

    /// <summary>Stable across retries and restarts, so a receiver can drop a duplicate (幂等键).</summary>
    public required string IdempotencyKey { get; set; }

    public OutboxState State { get; set; }

    /// <summary>Attempts so far, counted when a dispatcher claims the message (so a message that crashes its node is counted too).</summary>
    public int Attempts { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    /// <summary>The claim's lease: until then no other dispatcher takes the message; after it, a dead node's claim is retaken.</summary>
    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>Identifies one claim, so a dispatcher whose lease ran out cannot overwrite the outcome of the claim that replaced it.</summary>
    public string? LockToken { get; set; }

    public DateTime? LastAttemptUtc { get; set; }

    /// <summary>The last failure, in zh-CN, as editors see it.</summary>
    public string? LastError { get; set; }

    public DateTime? SentUtc { get; set; }

    /// <summary>The remote side's id of what was delivered (the WeChat article_id, the webhook receiver's reply).</summary>
    public string? RemoteId { get; set; }

    /// <summary>Where the reader finds it (the WeChat article URL, the public page).</summary>
    public string? RemoteUrl { get; set; }

    /// <summary>A channel's own progress through a delivery of several calls, so a retry resumes instead of repeating them.</summary>
    public string? ProgressJson { get; set; }
}
