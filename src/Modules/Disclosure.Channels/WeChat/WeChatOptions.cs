namespace Disclosure.Channels.WeChat;

/// <summary>The WeChat official account (微信公众号), from <c>Channels:WeChat</c>. The channel is on when AppId and AppSecret are set.</summary>
public sealed class WeChatOptions
{
    public const string SectionName = "Channels:WeChat";

    /// <summary>The platform's address; tests point it at the fake server.</summary>
    public string BaseUrl { get; set; } = "https://api.weixin.qq.com";

    public string? AppId { get; set; }

    public string? AppSecret { get; set; }

    /// <summary>The article's 作者 (≤ 16 字); empty uses the item's 发布机构.</summary>
    public string? Author { get; set; }

    /// <summary>How long one call may take before it counts as failed and is retried.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>How long to wait between polls while the platform is still publishing (发布中).</summary>
    public double PublishPollSeconds { get; set; } = 30;

    /// <summary>Polls before a publication that never finishes is reported as failed.</summary>
    public int MaxPublishPolls { get; set; } = 120;

    /// <summary>A token is refreshed this long before it expires (the platform asks for about 5 minutes).</summary>
    public double TokenRefreshMarginSeconds { get; set; } = 300;

    /// <summary>A CJK font file for generated covers; empty looks for Debian's fonts-noto-cjk.</summary>
    public string? CoverFont { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);
}
