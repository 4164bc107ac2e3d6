using Disclosure.Channels.Outbox;
using Disclosure.Channels.WeChat;
using Disclosure.Channels.Weibo;
using Disclosure.Core.Channels;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels;

/// <summary>
/// Whether each channel is set up for each agency (集约化: an agency's items go to its own official account and
/// webhooks only). A channel without targets for an agency (no official account of its own, no webhook endpoint
/// naming it) gets no outbox rows for that agency's items, so without this the admin would simply show nothing for
/// it; the 发布渠道 page and each item's channel table say 未配置 instead.
/// </summary>
public sealed class ChannelSetup(IEnumerable<IChannel> channels, AgencyDirectory agencies, DisclosureDbContext db, IOptions<WeChatOptions> wechat, IOptions<WeiboOptions> weibo)
{
    /// <summary>
    /// Each agency of <paramref name="onlyAgency"/> (or every agency, in tree order, when null) with every channel's
    /// state for its items, in display order (政府网站, 微信公众号, 政务微博, 移动客户端).
    /// </summary>
    public async Task<IReadOnlyList<AgencyChannelSetup>> ByAgencyAsync(string? onlyAgency, CancellationToken cancellationToken)
    {
        var tree = await agencies.TreeAsync(cancellationToken);
        var own = await agencies.DefaultCodeAsync(cancellationToken);
        var shown = onlyAgency is null ? tree.All().Select(n => n.Agency).ToList() : tree.Find(onlyAgency) is { } node ? [node.Agency] : [];
        var setups = new List<AgencyChannelSetup>();
        foreach (var a in shown)
        {
            var states = new List<ChannelSetupState>();
            foreach (var c in ChannelNames.All)
            {
                states.Add(await DescribeAsync(c, a.Code, own, a.Name, cancellationToken));
            }

            setups.Add(new AgencyChannelSetup(new AgencyReference(a.Code, a.Name), a.Code == own, states));
        }

        return setups;
    }

    /// <summary>The channels an item would go to that are not set up for its agency (its latest version's 发布机构).</summary>
    public async Task<IReadOnlyList<ChannelSetupState>> UnconfiguredForItemAsync(string contentItemId, IReadOnlyList<string> itemChannels, CancellationToken cancellationToken)
    {
        var own = await agencies.DefaultCodeAsync(cancellationToken);
        var code = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Item.ContentItemId == contentItemId && v.Number == v.Item.LatestVersionNumber)
            .Select(v => v.AgencyCode).FirstOrDefaultAsync(cancellationToken) ?? own;
        var name = await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken) ?? code;
        var states = new List<ChannelSetupState>();
        foreach (var c in itemChannels)
        {
            states.Add(await DescribeAsync(c, code, own, name, cancellationToken));
        }

        return states.Where(s => !s.IsConfigured).ToList();
    }

    /// <summary>One channel's set-up for one agency's items: the targets its items get messages for now.</summary>
    public async Task<ChannelSetupState> DescribeAsync(string channel, string agency, string ownAgency, string agencyName, CancellationToken cancellationToken)
    {
        var source = channels.FirstOrDefault(c => c.Name == channel);
        var targets = source is null ? [] : await source.ActiveTargetsForAsync(agency, ownAgency, cancellationToken);
        // The own agency's account is the empty target: shown by its AppId (a Weibo account by its label), as every other account is.
        var labels = channel switch
        {
            ChannelNames.WeChat => targets.Select(t => t.Length > 0 ? t : wechat.Value.AppId?.Trim() ?? t).ToList(),
            ChannelNames.Weibo => targets.Select(t => weibo.Value.Find(t)?.Label ?? t).ToList(),
            _ => targets,
        };
        return new ChannelSetupState(channel, labels, new AgencyReference(agency, agencyName), agency == ownAgency);
    }
}

/// <summary>One agency's channels, for the 渠道配置 table.</summary>
public sealed record AgencyChannelSetup(AgencyReference Agency, bool IsOwn, IReadOnlyList<ChannelSetupState> Channels)
{
    public string DisplayName => IsOwn ? $"{Agency.Name}（本机关）" : Agency.Name;
}

/// <summary>
/// One channel's set-up for one agency: where its items go (empty when not configured for it — they go nowhere on
/// this channel) and which keys configure it.
/// </summary>
public sealed record ChannelSetupState(string Channel, IReadOnlyList<string> Targets, AgencyReference Agency, bool IsOwnAgency)
{
    public bool IsConfigured => Targets.Count > 0;

    public string DisplayName => ChannelNames.DisplayName(Channel);

    public string StateName => IsConfigured ? "已配置" : "未配置";

    /// <summary>The configuration keys that turn the channel on for this agency, for the office's administrator.</summary>
    public string? ConfigurationKeys => Channel switch
    {
        ChannelNames.WeChat when IsOwnAgency => "Channels:WeChat:AppId 与 Channels:WeChat:AppSecret（或在 Channels:WeChat:Accounts 中为本机关配置）",
        ChannelNames.WeChat => $"Channels:WeChat:Accounts（Agency 为 {Agency.Code}，及 AppId 与 AppSecret）",
        ChannelNames.Weibo when IsOwnAgency => "Channels:Weibo:AppKey 与 Channels:Weibo:AppSecret，并由公开办在“发布渠道—政务微博”中授权本机关的微博账号",
        ChannelNames.Weibo => $"Channels:Weibo:Accounts（Name，及 Agency 为 {Agency.Code}），并由公开办在“发布渠道—政务微博”中授权该账号",
        ChannelNames.App when IsOwnAgency => "Channels:Webhooks:Endpoints（名称、地址与密钥），或由本机关的接口客户端通过 /api/v1/webhooks 订阅",
        ChannelNames.App => $"Channels:Webhooks:Endpoints（名称、地址、密钥，及 Agency 为 {Agency.Code}），或由该机构的接口客户端通过 /api/v1/webhooks 订阅",
        _ => null,
    };

    /// <summary>The keys that configure a channel for any agency, for the page's note.</summary>
    public static string? KeysFor(string channel) => channel switch
    {
        ChannelNames.WeChat => "Channels:WeChat:Accounts（每个公众号的 Agency、AppId 与 AppSecret；本机关也可用 Channels:WeChat:AppId 与 Channels:WeChat:AppSecret）",
        ChannelNames.App => "Channels:Webhooks:Endpoints（名称、地址、密钥与 Agency；不写 Agency 的为本机关），或由机构的接口客户端通过 /api/v1/webhooks 订阅（权限 webhooks:manage）",
        ChannelNames.Weibo => "Channels:Weibo:AppKey 与 AppSecret（微博应用），其他机构的账号在 Channels:Weibo:Accounts 中列出；每个账号须由公开办在“发布渠道—政务微博”中授权",
        _ => null,
    };

    /// <summary>Where the items go: the official account's AppId, the webhook endpoints by name; nothing for the site.</summary>
    public string? TargetNames => Channel switch
    {
        ChannelNames.WeChat when IsConfigured => "公众号 AppId：" + string.Join("、", Targets),
        ChannelNames.App when IsConfigured => "推送地址：" + string.Join("、", Targets),
        ChannelNames.Weibo when IsConfigured => "已授权账号：" + string.Join("、", Targets),
        _ => null,
    };
}
