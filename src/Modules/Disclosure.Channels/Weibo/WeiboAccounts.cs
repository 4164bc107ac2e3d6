using Disclosure.Core.Security;
using Disclosure.Core.Time;
using Disclosure.Storage.Agencies;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Weibo;

/// <summary>
/// The configured Weibo accounts as the admin shows them (the 政务微博 page and the dashboard): which agencies each
/// posts for, whether it is linked, until when, and whether the office must authorise again. Staff of an agency see
/// the accounts that post their agency's items only.
/// </summary>
public sealed class WeiboAccounts(IOptions<WeiboOptions> options, WeiboLinkStore links, AgencyDirectory agencies, TimeProvider clock)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task<IReadOnlyList<WeiboAccountState>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        var own = await agencies.DefaultCodeAsync(cancellationToken);
        var tree = await agencies.TreeAsync(cancellationToken);
        var names = tree.All().ToDictionary(n => n.Agency.Code, n => n.Agency.Name, StringComparer.Ordinal);
        var accounts = options.Value.AllAccounts();
        var now = clock.GetUtcNow().UtcDateTime;
        var states = new List<WeiboAccountState>();
        foreach (var account in accounts)
        {
            // The own agency's account serves it only while no entry of Accounts names the own agency.
            var served = account.Audience.ServesOwnAgency
                ? accounts.Any(a => a.Audience.NamesAgency(own)) ? [] : [own]
                : account.Audience.Agencies.ToList();
            if (served.Count == 0 || (actor.AgencyCode is { } mine && !served.Contains(mine)))
            {
                continue;
            }

            var link = await links.FindAsync(account, cancellationToken);
            states.Add(new WeiboAccountState(account, served.Select(c => names.GetValueOrDefault(c, c)).ToList(), link, now, options.Value.ExpiryWarningDays));
        }

        return states;
    }

    /// <summary>The accounts that need a person: expiring within the warning period, expired or refused.</summary>
    public async Task<IReadOnlyList<WeiboAccountState>> NeedingAttentionAsync(Actor actor, CancellationToken cancellationToken) =>
        (await ListAsync(actor, cancellationToken)).Where(a => a.NeedsAttention).ToList();
}

/// <summary>One account on the 政务微博 page.</summary>
public sealed record WeiboAccountState(WeiboAccount Account, IReadOnlyList<string> AgencyNames, WeiboLink? Link, DateTime NowUtc, int WarningDays)
{
    public bool IsLinked => Link is not null;

    public bool IsExpired => Link is not null && Link.ExpiresUtc <= NowUtc;

    public bool IsRejected => Link?.Rejected is not null;

    /// <summary>Whole days left (0 on the last day).</summary>
    public int DaysLeft => Link is null ? 0 : Math.Max(0, (int)Math.Floor((Link.ExpiresUtc - NowUtc).TotalDays));

    public bool ExpiresSoon => Link is not null && !IsExpired && Link.ExpiresUtc - NowUtc <= TimeSpan.FromDays(WarningDays);

    public bool NeedsAttention => IsLinked && (IsExpired || IsRejected || ExpiresSoon);

    /// <summary>The state in a few words, as the page's table shows it.</summary>
    public string StateName => Link switch
    {
        null => "未授权",
        { Rejected: not null } => "授权已失效",
        _ when IsExpired => "授权已过期",
        _ when ExpiresSoon => "即将过期",
        _ => "已授权",
    };

    public string? ExpiresText => Link is null ? null : ChinaTime.ToLocal(Link.ExpiresUtc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The dashboard's sentence for this account.</summary>
    public string Warning => Link switch
    {
        { Rejected: { } reason } => $"政务微博“{Account.Label}”的授权已失效（{reason}），推送已停止，请重新授权。",
        _ when IsExpired => $"政务微博“{Account.Label}”的授权已于 {ExpiresText} 过期，推送已停止，请重新授权。",
        _ => $"政务微博“{Account.Label}”的授权将于 {ExpiresText} 过期（还剩 {DaysLeft} 天），过期后不再推送，请及时重新授权。",
    };
}
