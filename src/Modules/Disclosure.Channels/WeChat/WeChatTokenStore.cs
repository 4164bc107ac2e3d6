using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Disclosure.Channels.Outbox;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.WeChat;

/// <summary>
/// The access_token, cached in memory and in the database so every node shares one (the platform limits how often
/// a token may be fetched). Fetched with <c>stable_token</c>, which does not invalidate the token other nodes hold;
/// refreshed about 5 minutes before expiry, and at once when a call rejects it. Each official account (AppId) has its
/// own token: its own row in <c>ChannelTokens</c> (<see cref="WeChatAccount.TokenName"/>) and its own cache slot.
/// </summary>
public sealed class WeChatTokenStore(
    DisclosureDbContext db,
    IHttpClientFactory clients,
    IOptions<WeChatOptions> options,
    WeChatTokenCache caches,
    TimeProvider clock)
{
    public async Task<string> GetAsync(WeChatAccount account, CancellationToken cancellationToken)
    {
        var cache = caches.For(account.AppId);
        var margin = TimeSpan.FromSeconds(options.Value.TokenRefreshMarginSeconds);
        if (cache.TryGet(clock.GetUtcNow().UtcDateTime + margin) is { } cached)
        {
            return cached;
        }

        await cache.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Deliveries that waited at the gate find the token the first one just cached, without a database read each.
            if (cache.TryGet(now + margin) is { } filled)
            {
                return filled;
            }

            var stored = await db.Set<ChannelToken>().AsNoTracking().SingleOrDefaultAsync(t => t.Name == account.TokenName, cancellationToken);
            if (stored is not null && stored.ExpiresUtc > now + margin)
            {
                cache.Set(stored.Value, stored.ExpiresUtc);
                return stored.Value;
            }

            return await FetchAsync(account, cache, force: false, cancellationToken);
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    /// <summary>
    /// The platform rejected <paramref name="rejected"/> (40001/40014/42001): take another node's newer token if there
    /// is one, else fetch; if the platform hands back the same token, force a new one.
    /// </summary>
    public async Task<string> RefreshAsync(WeChatAccount account, string rejected, CancellationToken cancellationToken)
    {
        var cache = caches.For(account.AppId);
        await cache.Gate.WaitAsync(cancellationToken);
        try
        {
            cache.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            var stored = await db.Set<ChannelToken>().AsNoTracking().SingleOrDefaultAsync(t => t.Name == account.TokenName, cancellationToken);
            if (stored is not null && stored.Value != rejected && stored.ExpiresUtc > now)
            {
                cache.Set(stored.Value, stored.ExpiresUtc);
                return stored.Value;
            }

            var token = await FetchAsync(account, cache, force: false, cancellationToken);
            return token != rejected ? token : await FetchAsync(account, cache, force: true, cancellationToken);
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    private async Task<string> FetchAsync(WeChatAccount account, WeChatTokenSlot cache, bool force, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var request = new JsonObject
        {
            ["grant_type"] = "client_credential",
            ["appid"] = account.AppId,
            ["secret"] = account.AppSecret,
            ["force_refresh"] = force,
        };
        using var response = await clients.CreateClient(WeChatClient.HttpClientName)
            .PostAsync("cgi-bin/stable_token", WeChatClient.JsonBody(request), timeout.Token);
        var answer = await WeChatClient.ReadAnswerAsync(response, "/cgi-bin/stable_token", timeout.Token);
        var token = answer["access_token"]?.GetValue<string>() ?? throw new WeChatTransportException("微信 stable_token 接口未返回 access_token。");
        var expiresIn = answer["expires_in"]?.GetValue<int>() ?? 7200;

        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddSeconds(expiresIn);
        var row = await db.Set<ChannelToken>().SingleOrDefaultAsync(t => t.Name == account.TokenName, cancellationToken);
        if (row is null)
        {
            db.Set<ChannelToken>().Add(new ChannelToken { Name = account.TokenName, Value = token, ExpiresUtc = expires, UpdatedUtc = now });
        }
        else
        {
            row.Value = token;
            row.ExpiresUtc = expires;
            row.UpdatedUtc = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node stored its token first; ours is as good (stable_token does not invalidate either).
            db.ChangeTracker.Clear();
        }

        cache.Set(token, expires);
        return token;
    }
}

/// <summary>This node's copies of the tokens, one slot per AppId.</summary>
public sealed class WeChatTokenCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WeChatTokenSlot> _slots = new(StringComparer.Ordinal);

    public WeChatTokenSlot For(string appId) => _slots.GetOrAdd(appId, _ => new WeChatTokenSlot());
}

/// <summary>This node's copy of one account's token, and the gate that keeps its deliveries from fetching one each.</summary>
public sealed class WeChatTokenSlot
{
    private readonly Lock _lock = new();
    private (string Value, DateTime ExpiresUtc)? _token;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string? TryGet(DateTime validUntilUtc)
    {
        lock (_lock)
        {
            return _token is { } t && t.ExpiresUtc > validUntilUtc ? t.Value : null;
        }
    }

    public void Set(string value, DateTime expiresUtc)
    {
        lock (_lock)
        {
            _token = (value, expiresUtc);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _token = null;
        }
    }
}
