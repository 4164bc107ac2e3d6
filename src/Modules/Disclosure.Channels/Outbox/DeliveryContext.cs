using System.Text.Json;

namespace Disclosure.Channels.Outbox;

/// <summary>One attempt at one message, as a channel sees it.</summary>
public sealed class DeliveryContext
{
    private readonly Func<string?, CancellationToken, Task> _saveProgress;

    internal DeliveryContext(OutboxMessage message, string? liveRemoteId, Func<string?, CancellationToken, Task> saveProgress, IReadOnlyList<string>? liveRemoteIds = null)
    {
        Message = message;
        LiveRemoteId = liveRemoteId;
        LiveRemoteIds = liveRemoteIds ?? (liveRemoteId is null ? [] : [liveRemoteId]);
        _saveProgress = saveProgress;
        Progress = message.ProgressJson;
    }

    /// <summary>A detached copy of the message being delivered.</summary>
    public OutboxMessage Message { get; }

    /// <summary>
    /// What is live on the remote side for this stream before this message: the remote id of the stream's last sent
    /// publication or update, or null if nothing was sent or the last thing sent was a withdrawal.
    /// </summary>
    public string? LiveRemoteId { get; }

    /// <summary>
    /// Every remote id the stream put up since its last withdrawal, oldest first: on a channel whose posts cannot be
    /// edited or replaced (Weibo: an update is a further correction post), all of them are live and a withdrawal
    /// deletes them all.
    /// </summary>
    public IReadOnlyList<string> LiveRemoteIds { get; }

    /// <summary>The channel's own progress through the delivery, as JSON.</summary>
    public string? Progress { get; private set; }

    public T? ReadProgress<T>() => Progress is null ? default : JsonSerializer.Deserialize<T>(Progress);

    /// <summary>
    /// Records progress at once, in its own statement (still fenced by the claim), so a crash right after a remote
    /// call that cannot be repeated safely (publishing an article) loses as little as possible.
    /// </summary>
    public Task SaveProgressAsync<T>(T? progress, CancellationToken cancellationToken)
    {
        Progress = progress is null ? null : JsonSerializer.Serialize(progress);
        return _saveProgress(Progress, cancellationToken);
    }
}
