using Disclosure.Channels.Outbox;
using Disclosure.Core.Channels;

namespace Disclosure.Channels;

/// <summary>
/// Whether each channel is set up on this site. A channel without targets (WeChat without AppId and AppSecret, the
/// app without a webhook endpoint) gets no outbox rows, so without this the admin would simply show nothing for it;
/// the 发布渠道 page and each item's channel table say 未配置 instead.
/// </summary>
public sealed class ChannelSetup(IEnumerable<IChannel> channels)
{
    /// <summary>Every known channel in display order (政府网站, 微信公众号, 移动客户端).</summary>
    public IReadOnlyList<ChannelSetupState> All() => ChannelNames.All.Select(Describe).ToList();

    public ChannelSetupState Describe(string channel)
    {
        var targets = channels.FirstOrDefault(c => c.Name == channel)?.Targets ?? [];
        return new ChannelSetupState(channel, targets);
    }
}

/// <summary>One channel's set-up: its targets (empty when not configured) and where it is configured.</summary>
public sealed record ChannelSetupState(string Channel, IReadOnlyList<string> Targets)
{
    public bool IsConfigured => Targets.Count > 0;

    public string DisplayName => ChannelNames.DisplayName(Channel);

    public string StateName => IsConfigured ? "已配置" : "未配置";

    /// <summary>The configuration keys that turn the channel on, for the office's administrator.</summary>
    public string? ConfigurationKeys => Channel switch
    {
        ChannelNames.WeChat => "Channels:WeChat:AppId 与 Channels:WeChat:AppSecret",
        ChannelNames.App => "Channels:Webhooks:Endpoints（名称、地址与密钥）",
        _ => null,
    };

    /// <summary>The webhook endpoints by name; nothing for the single-target site and WeChat.</summary>
    public string? TargetNames => Channel == ChannelNames.App && IsConfigured ? string.Join("、", Targets) : null;
}
