namespace Disclosure.Channels;

/// <summary>发布渠道's admin page (<c>/admin/outbox</c>): deliveries, dead letters and retries, channel set-up.</summary>
public static class ChannelsAdmin
{
    /// <summary>Who may see and retry deliveries — the 公开办 and 管理员.</summary>
    public const string Policy = "Channels";
}
