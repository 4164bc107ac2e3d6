namespace Disclosure.Channels.Outbox;

/// <summary>A remote API's access token, shared by every node through the database (e.g. the WeChat access_token).</summary>
public sealed class ChannelToken
{
    public required string Name { get; set; }

    public required string Value { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
