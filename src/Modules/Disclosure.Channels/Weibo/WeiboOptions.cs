using Disclosure.Channels.Outbox;

namespace Disclosure.Channels.Weibo;

/// <summary>
/// The Weibo app (微博开放平台的应用) and the official accounts (政务微博) it posts as, from <c>Channels:Weibo</c>.
/// Unlike WeChat, one app serves every account: each account is linked by a person of the office through the
/// platform's authorisation-code flow (<see cref="WeiboAuthorisation"/>), and its user token is kept in
/// <c>ChannelTokens</c>. <c>AppKey</c>/<c>AppSecret</c> alone give the installation's own agency (本机关) one account
/// to link; <c>Accounts</c> lists further accounts, each with the agencies whose items it posts.
/// </summary>
public sealed class WeiboOptions
{
    public const string SectionName = "Channels:Weibo";

    /// <summary>The platform's API and authorisation host; tests and trials point it at the fake platform.</summary>
    public string BaseUrl { get; set; } = "https://api.weibo.com";

    /// <summary>The app's App Key (client_id).</summary>
    public string? AppKey { get; set; }

    /// <summary>The app's App Secret (client_secret): configuration only, never the database.</summary>
    public string? AppSecret { get; set; }

    /// <summary>
    /// The 授权回调页 registered with the app, e.g. <c>https://www.example.gov.cn/channels/weibo/callback</c>; empty
    /// uses the address the admin is reached at plus <see cref="WeiboAuthorisation.CallbackPath"/>.
    /// </summary>
    public string? RedirectUri { get; set; }

    /// <summary>Further agencies' accounts (<c>Channels:Weibo:Accounts:0:Name</c>, <c>…:Agency</c> or <c>…:Agencies</c>).</summary>
    public List<WeiboAccountOptions> Accounts { get; set; } = [];

    /// <summary>
    /// The <c>rip</c> sent with every post: the office's public IP address as the platform sees it. Empty sends the
    /// address of the person who linked the account, recorded when they authorised it (posts go out from the
    /// outbox, often with nobody at a browser, so there is no "current" user's address to send).
    /// </summary>
    public string? Rip { get; set; }

    /// <summary>How long one call may take before it counts as lost.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// After a <c>statuses/share</c> whose answer was lost, how long its post is looked for in the account's own
    /// timeline before posting again (the request may still be working its way through the platform).
    /// </summary>
    public double LostAnswerSettleSeconds { get; set; } = 120;

    /// <summary>How long to wait between looks at the timeline during <see cref="LostAnswerSettleSeconds"/>.</summary>
    public double LookupPollSeconds { get; set; } = 10;

    /// <summary>How many of the account's newest posts are searched for a post whose answer was lost (the platform's maximum page is 100).</summary>
    public int LookupCount { get; set; } = 50;

    /// <summary>The dashboard warns this many days before an account's authorisation runs out.</summary>
    public int ExpiryWarningDays { get; set; } = 7;

    /// <summary>A CJK font file for generated cover cards; empty uses <c>Channels:WeChat:CoverFont</c>'s default search.</summary>
    public string? CoverFont { get; set; }

    /// <summary>Whether the app is configured at all (both keys set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppKey) && !string.IsNullOrWhiteSpace(AppSecret);

    /// <summary>
    /// Every account that may be linked: the own agency's (empty target, while no entry of <see cref="Accounts"/>
    /// names that agency — checked where the own agency is known) and one per entry, named by its <c>Name</c>.
    /// None without the app's keys.
    /// </summary>
    public IReadOnlyList<WeiboAccount> AllAccounts()
    {
        if (!IsConfigured)
        {
            return [];
        }

        var accounts = new List<WeiboAccount> { new(string.Empty, "本机关账号", ChannelTarget.ForOwnAgency(string.Empty)) };
        foreach (var account in Accounts.Where(a => !string.IsNullOrWhiteSpace(a.Name)))
        {
            var name = account.Name!.Trim();
            accounts.Add(new WeiboAccount(name, name, ChannelTarget.For(name, account.AgencyCodes())));
        }

        return accounts;
    }

    /// <summary>The account with this outbox target, if configured.</summary>
    public WeiboAccount? Find(string target) => AllAccounts().FirstOrDefault(a => a.Target == target);
}

/// <summary>One further account in <c>Channels:Weibo:Accounts</c>.</summary>
public sealed class WeiboAccountOptions
{
    /// <summary>How the account is named in the outbox and the admin (e.g. <c>yjhlq</c>); letters, digits, '-' and '_'.</summary>
    public string? Name { get; set; }

    /// <summary>The agency whose items this account posts.</summary>
    public string? Agency { get; set; }

    /// <summary>Several agencies sharing the account, instead of or besides <see cref="Agency"/>.</summary>
    public List<string> Agencies { get; set; } = [];

    public IEnumerable<string> AgencyCodes() =>
        (Agency is { } one ? Agencies.Prepend(one) : Agencies).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal);
}

/// <summary>A configured account: its outbox target, how the admin names it, the agencies it serves.</summary>
public sealed record WeiboAccount(string Target, string Label, ChannelTarget Audience)
{
    /// <summary>Its row in <c>ChannelTokens</c>, shared by every node.</summary>
    public string TokenName => TokenPrefix + Target;

    public const string TokenPrefix = "weibo:";
}
