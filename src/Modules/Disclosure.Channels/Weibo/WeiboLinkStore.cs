using System.Security.Cryptography;
using System.Text.Json;
using Disclosure.Channels.Outbox;
using Disclosure.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Channels.Weibo;

/// <summary>
/// The linked accounts' user tokens (账号授权), one <c>ChannelTokens</c> row per account (<see cref="WeiboAccount.TokenName"/>),
/// so every node posts with the token a person obtained on any of them. The row's value is the link — token, uid,
/// who linked it from which address, and whether the platform has since rejected it — sealed with the site's data
/// protection keys: a copy of the database alone does not give away the right to post as the office (the nodes
/// share the keys folder, see README). The row's <c>ExpiresUtc</c> is the token's expiry, readable without the keys.
/// </summary>
public sealed class WeiboLinkStore(DisclosureDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Disclosure.Channels.Weibo.Token");

    /// <summary>Read once per scope: the 发布渠道 page asks for every agency.</summary>
    private HashSet<string>? _linked;

    /// <summary>Stores (or replaces) the account's link after a successful authorisation.</summary>
    public async Task SaveAsync(WeiboAccount account, WeiboLink link, CancellationToken cancellationToken)
    {
        var sealedValue = _protector.Protect(JsonSerializer.Serialize(link));
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Set<ChannelToken>().SingleOrDefaultAsync(t => t.Name == account.TokenName, cancellationToken);
        if (row is null)
        {
            db.Set<ChannelToken>().Add(new ChannelToken { Name = account.TokenName, Value = sealedValue, ExpiresUtc = link.ExpiresUtc, UpdatedUtc = now });
        }
        else
        {
            row.Value = sealedValue;
            row.ExpiresUtc = link.ExpiresUtc;
            row.UpdatedUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        _linked = null;
    }

    /// <summary>The account's link, or null when none was made (or it cannot be read with this node's keys).</summary>
    public async Task<WeiboLink?> FindAsync(WeiboAccount account, CancellationToken cancellationToken)
    {
        var row = await db.Set<ChannelToken>().AsNoTracking().SingleOrDefaultAsync(t => t.Name == account.TokenName, cancellationToken);
        return row is null ? null : Unseal(row.Value);
    }

    /// <summary>The targets of every account with a link row (whatever its state), for deciding where items go.</summary>
    public async Task<HashSet<string>> LinkedTargetsAsync(CancellationToken cancellationToken)
    {
        if (_linked is not null)
        {
            return _linked;
        }

        var names = await db.Set<ChannelToken>().AsNoTracking().Where(t => t.Name.StartsWith(WeiboAccount.TokenPrefix))
            .Select(t => t.Name).ToListAsync(cancellationToken);
        return _linked = names.Select(n => n[WeiboAccount.TokenPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The platform refused the token (expired, revoked): recorded on the link so no node calls the platform with it
    /// again — the channel stops for that account until a person authorises again.
    /// </summary>
    public async Task RejectAsync(WeiboAccount account, string reason, CancellationToken cancellationToken)
    {
        if (await FindAsync(account, cancellationToken) is { Rejected: null } link)
        {
            await SaveAsync(account, link with { Rejected = reason }, cancellationToken);
        }
    }

    private WeiboLink? Unseal(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<WeiboLink>(_protector.Unprotect(value));
        }
        catch (CryptographicException)
        {
            // Sealed with keys this node does not have (the keys folder is not shared): as if never linked here.
            return null;
        }
    }
}

/// <summary>One account's authorisation, as stored (sealed) in <c>ChannelTokens</c>.</summary>
/// <param name="AccessToken">The user token posts are made with.</param>
/// <param name="Uid">The account's Weibo uid (a post's address is <c>https://weibo.com/{uid}/{idstr}</c>).</param>
/// <param name="ExpiresUtc">When the platform said the token runs out.</param>
/// <param name="LinkedBy">The admin user who authorised it.</param>
/// <param name="LinkedUtc">When.</param>
/// <param name="LinkedFromIp">Their address, sent as <c>rip</c> unless <see cref="WeiboOptions.Rip"/> is set.</param>
/// <param name="Rejected">Set when the platform refused the token since (zh-CN, for the admin page); null while it is good.</param>
public sealed record WeiboLink(string AccessToken, string Uid, DateTime ExpiresUtc, string LinkedBy, DateTime LinkedUtc, string? LinkedFromIp, string? Rejected = null)
{
    /// <summary>Whether the token may be used at <paramref name="nowUtc"/>.</summary>
    public bool IsUsable(DateTime nowUtc) => Rejected is null && ExpiresUtc > nowUtc;
}
