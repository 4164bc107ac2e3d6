using Disclosure.Channels.Outbox;

namespace Disclosure.Channels.WeChat;

/// <summary>
/// The WeChat official accounts (微信公众号), from <c>Channels:WeChat</c>. <c>AppId</c> and <c>AppSecret</c> at the top
/// are the installation's own agency's account (本机关, as before agencies); <c>Accounts</c> lists further accounts,
/// each with the agency (or agencies) whose items it publishes. Secrets stay in configuration, never in the database.
/// </summary>
public sealed class WeChatOptions
{
    public const string SectionName = "Channels:WeChat";

    /// <summary>The platform's address; tests point it at the fake server.</summary>
    public string BaseUrl { get; set; } = "https://api.weixin.qq.com";

    /// <summary>The own agency's account (the single-account keys).</summary>
    public string? AppId { get; set; }

    public string? AppSecret { get; set; }

    /// <summary>The per-agency accounts (<c>Channels:WeChat:Accounts:0:Agency</c>, <c>…:AppId</c>, <c>…:AppSecret</c>).</summary>
    public List<WeChatAccountOptions> Accounts { get; set; } = [];

    /// <summary>The article's 作者 (≤ 16 字); empty uses the item's 发布机构. An account may set its own.</summary>
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

    /// <summary>Whether the own agency's account is set with the single-account keys.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);

    /// <summary>
    /// Every configured account. The own agency's (single-account keys) keeps the empty target it always had, so its
    /// streams — and the articles they put up — continue; every other account is named by its AppId, so streams,
    /// progress and tokens are the account's and a change of an agency's account never deletes through the wrong one.
    /// </summary>
    public IReadOnlyList<WeChatAccount> AllAccounts()
    {
        var accounts = new List<WeChatAccount>();
        if (IsConfigured)
        {
            accounts.Add(new WeChatAccount(string.Empty, AppId!.Trim(), AppSecret!.Trim(), ChannelTarget.ForOwnAgency(string.Empty), Author));
        }

        foreach (var account in Accounts.Where(a => !string.IsNullOrWhiteSpace(a.AppId) && !string.IsNullOrWhiteSpace(a.AppSecret)))
        {
            var appId = account.AppId!.Trim();
            accounts.Add(new WeChatAccount(appId, appId, account.AppSecret!.Trim(), ChannelTarget.For(appId, account.AgencyCodes()), account.Author ?? Author));
        }

        return accounts;
    }
}

/// <summary>One agency's official account in <c>Channels:WeChat:Accounts</c>.</summary>
public sealed class WeChatAccountOptions
{
    /// <summary>The agency's code (e.g. <c>150627-103</c>) whose items this account publishes.</summary>
    public string? Agency { get; set; }

    /// <summary>Several agencies sharing the account (e.g. a 市局 that also publishes a 县局's items), instead of or besides <see cref="Agency"/>.</summary>
    public List<string> Agencies { get; set; } = [];

    public string? AppId { get; set; }

    public string? AppSecret { get; set; }

    /// <summary>The article's 作者 on this account; empty uses <see cref="WeChatOptions.Author"/> or the item's 发布机构.</summary>
    public string? Author { get; set; }

    public IEnumerable<string> AgencyCodes() =>
        (Agency is { } one ? Agencies.Prepend(one) : Agencies).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal);
}

/// <summary>A configured official account: its outbox target, credentials and the agencies it serves.</summary>
public sealed record WeChatAccount(string Target, string AppId, string AppSecret, ChannelTarget Audience, string? Author)
{
    /// <summary>The token's row in <c>ChannelTokens</c>: one per AppId, shared by every node.</summary>
    public string TokenName => "wechat:" + AppId;
}
