using System.Globalization;
using System.Text.Json.Nodes;
using Disclosure.Channels.Content;
using Disclosure.Channels.Outbox;
using Disclosure.Core.Channels;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Entities;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Weibo;

/// <summary>
/// 政务微博: a publication becomes one post through <c>statuses/share</c> (text, link and picture, see
/// <see cref="WeiboPostBuilder"/>); an update becomes a correction post, since the platform cannot edit one; a
/// withdrawal deletes every post of the item (<c>statuses/destroy</c>).
/// <para>
/// <b>Exactly once.</b> The text and the send time are saved before <c>statuses/share</c> goes out. When its answer is
/// lost (a timeout, a dead node), the next attempt looks for the post among the account's own newest posts
/// (<c>statuses/user_timeline</c>: same text once links are set aside, posted after the send, not already one of the
/// item's live posts) and records it; only when it has not appeared within
/// <see cref="WeiboOptions.LostAnswerSettleSeconds"/> is it sent again. An error answer means the platform did not
/// post, so the send time is cleared.
/// </para>
/// <para>
/// <b>Errors</b> (<see cref="WeiboErrors"/>): system errors back off without spending attempts, rate limits wait for the
/// next hour, a refused token stops the account (recorded on its link, so no node uses it again) with a message asking
/// the office to authorise again, anything else is a failure for a person.
/// </para>
/// <para>
/// <b>Accounts</b> (集约化): one target per configured account, as for WeChat; an account counts as set up (its
/// agencies' items get messages) once a person has linked it.
/// </para>
/// </summary>
public sealed class WeiboChannel(
    IOptions<WeiboOptions> options,
    IOptions<OutboxOptions> outbox,
    WeiboClient client,
    WeiboLinkStore links,
    WeiboPostBuilder posts,
    ChannelItemLoader items,
    TimeProvider clock) : IChannel
{
    /// <summary>How far a post's <c>created_at</c> may be before our send time and still be ours (clocks differ).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public string Name => ChannelNames.Weibo;

    public Task<IReadOnlyList<ChannelTarget>> GetTargetsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelTarget>>(options.Value.AllAccounts().Select(a => a.Audience).ToList());

    /// <summary>The account that names the agency, else — for the own agency — the app's own account; as for WeChat.</summary>
    public IReadOnlyList<string> TargetsFor(string agency, string ownAgency)
    {
        var accounts = options.Value.AllAccounts();
        var account = accounts.FirstOrDefault(a => a.Audience.NamesAgency(agency)) ?? accounts.FirstOrDefault(a => a.Audience.Serves(agency, ownAgency));
        return account is null ? [] : [account.Target];
    }

    /// <summary>Only an account a person has linked gets messages: until then the channel is 未配置 for its agencies.</summary>
    public async Task<IReadOnlyList<string>> ActiveTargetsForAsync(string agency, string ownAgency, CancellationToken cancellationToken)
    {
        var configured = TargetsFor(agency, ownAgency);
        if (configured.Count == 0)
        {
            return configured;
        }

        var linked = await links.LinkedTargetsAsync(cancellationToken);
        return configured.Where(linked.Contains).ToList();
    }

    public async Task<DeliveryResult> DeliverAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        if (options.Value.Find(context.Message.Target) is not { } account)
        {
            return new DeliveryResult.Fail($"政务微博账号“{(context.Message.Target.Length == 0 ? "本机关账号" : context.Message.Target)}”未配置（Channels:Weibo），请配置后重试。");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var link = await links.FindAsync(account, cancellationToken);
        if (link is null)
        {
            return new DeliveryResult.Fail($"政务微博“{account.Label}”尚未授权（或本节点读不到授权：各节点须共用数据保护密钥）。请公开办在“发布渠道—政务微博”中授权后重试。");
        }

        if (!link.IsUsable(now))
        {
            return new DeliveryResult.Fail(WeiboErrors.ReauthoriseMessage(account.Label,
                link.Rejected ?? $"微博授权已于 {Core.Time.ChinaTime.ToLocal(link.ExpiresUtc):yyyy-MM-dd HH:mm} 过期"));
        }

        if (string.IsNullOrWhiteSpace(options.Value.Rip) && string.IsNullOrEmpty(link.LinkedFromIp))
        {
            return new DeliveryResult.Fail("微博要求每次发布附带操作者的 IP 地址（rip），但授权时未能取得授权人的地址：请在配置中设置 Channels:Weibo:Rip（本单位的公网出口 IP）后重试。");
        }

        var progress = context.ReadProgress<WeiboProgress>() ?? new WeiboProgress();
        try
        {
            var result = context.Message.Kind == ChangeKind.Withdrawn
                ? await WithdrawAsync(link, context, progress, cancellationToken)
                : await PublishAsync(link, context, progress, cancellationToken);
            return result;
        }
        catch (WeiboApiException ex)
        {
            return await FailedAsync(account, context, progress, ex, cancellationToken);
        }
        catch (WeiboTransportException ex)
        {
            return new DeliveryResult.Retry(ex.Message);
        }
    }

    private async Task<DeliveryResult> PublishAsync(WeiboLink link, DeliveryContext context, WeiboProgress progress, CancellationToken cancellationToken)
    {
        if (progress.PostId is null)
        {
            var message = context.Message;
            var item = await items.LoadAsync(message.ContentItemId, message.VersionNumber, cancellationToken);
            if (item is null)
            {
                return new DeliveryResult.Fail($"内容“{message.ContentItemId}”第 {message.VersionNumber} 版不存在。");
            }

            if (item.Version.Status == ContentStatus.Withdrawn)
            {
                return new DeliveryResult.Delivered(null, null); // withdrawn before it reached Weibo: never post it
            }

            if (!Uri.TryCreate(item.Url, UriKind.Absolute, out _))
            {
                return new DeliveryResult.Fail("未设置 Site:PublicUrl：微博要求正文含有应用安全域名上的链接，请设置网站的公网地址后重试。");
            }

            if (progress.ShareSentUtc is { } sent)
            {
                // The last share's answer never came: find the post before sending anything again.
                if (!await FindLostPostAsync(link, context, progress, cancellationToken))
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    if (now < sent.AddSeconds(options.Value.LostAnswerSettleSeconds))
                    {
                        progress.Lookups++;
                        await context.SaveProgressAsync(progress, cancellationToken);
                        return new DeliveryResult.Wait(now.AddSeconds(options.Value.LookupPollSeconds),
                            $"微博平台未应答上次发布请求，正在确认是否已发出（已查询 {progress.Lookups} 次），确认前不会重复发布。");
                    }

                    progress.ShareSentUtc = null; // long enough: it did not go through
                }
            }

            if (progress.PostId is null)
            {
                var correction = message.Kind == ChangeKind.Updated && context.LiveRemoteIds.Count > 0;
                var post = await posts.BuildAsync(item, correction, cancellationToken);
                await ShareAsync(link, context, progress, post, cancellationToken);
            }
        }

        return new DeliveryResult.Delivered(progress.PostId, progress.PostUrl);
    }

    private async Task ShareAsync(WeiboLink link, DeliveryContext context, WeiboProgress progress, WeiboPost post, CancellationToken cancellationToken)
    {
        // Recorded before sending: if the answer is lost, the next attempt looks for the post first.
        var earlierSend = progress.Text == post.Text;
        progress.Text = post.Text;
        progress.ShareSentUtc = clock.GetUtcNow().UtcDateTime;
        progress.Lookups = 0;
        await context.SaveProgressAsync(progress, cancellationToken);
        JsonObject status;
        try
        {
            status = await client.PostMultipartAsync(WeiboClient.SharePath, Fields(link, ("status", post.Text)), post.Picture, cancellationToken);
        }
        catch (WeiboApiException ex) when (ex.Meaning.Kind == WeiboErrorKind.Repeated && earlierSend)
        {
            // Our own record says this text was sent before and its answer lost: the platform has it.
            if (await FindLostPostAsync(link, context, progress, cancellationToken))
            {
                return;
            }

            throw;
        }
        catch (WeiboApiException)
        {
            progress.ShareSentUtc = null; // an error answer: the platform did not post
            await context.SaveProgressAsync(progress, cancellationToken);
            throw;
        }

        Record(link, progress, status["idstr"]?.ToString() ?? status["id"]?.ToString()
            ?? throw new WeiboTransportException("微博 statuses/share 接口未返回 idstr。"));
        progress.SystemErrors = 0;
        await context.SaveProgressAsync(progress, cancellationToken);
    }

    /// <summary>
    /// Looks for the post of a share whose answer was lost among the account's own newest posts; records it and
    /// returns true when found.
    /// </summary>
    private async Task<bool> FindLostPostAsync(WeiboLink link, DeliveryContext context, WeiboProgress progress, CancellationToken cancellationToken)
    {
        var timeline = await client.GetAsync(WeiboClient.TimelinePath,
            Fields(link, ("uid", link.Uid), ("count", options.Value.LookupCount.ToString(CultureInfo.InvariantCulture))), cancellationToken);
        var wanted = WeiboText.Fingerprint(progress.Text ?? string.Empty);
        var since = (progress.ShareSentUtc ?? DateTime.MinValue.Add(ClockSkew)) - ClockSkew;
        foreach (var status in (timeline["statuses"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = status["idstr"]?.ToString();
            if (id is null || context.LiveRemoteIds.Contains(id) || WeiboText.Fingerprint(status["text"]?.ToString() ?? string.Empty) != wanted)
            {
                continue; // an earlier post of the item (a correction may repeat its text) is not the lost one
            }

            if (CreatedUtc(status) is { } created && created < since)
            {
                continue;
            }

            Record(link, progress, id);
            await context.SaveProgressAsync(progress, cancellationToken);
            return true;
        }

        return false;
    }

    private async Task<DeliveryResult> WithdrawAsync(WeiboLink link, DeliveryContext context, WeiboProgress progress, CancellationToken cancellationToken)
    {
        var live = context.LiveRemoteIds;
        foreach (var id in live.Where(id => !progress.Destroyed.Contains(id)))
        {
            try
            {
                await client.PostFormAsync(WeiboClient.DestroyPath, Fields(link, ("id", id)), cancellationToken);
            }
            catch (WeiboApiException ex) when (ex.Meaning.Kind == WeiboErrorKind.NoSuchPost)
            {
                // Deleted already (by an earlier attempt whose answer was lost, or by hand on Weibo): nothing left to do.
            }

            progress.Destroyed.Add(id);
            await context.SaveProgressAsync(progress, cancellationToken);
        }

        return live.Count == 0
            ? new DeliveryResult.Delivered(null, null) // nothing of this item is on Weibo
            : new DeliveryResult.Delivered(string.Join(",", live), PostUrl(link, live[^1]));
    }

    private async Task<DeliveryResult> FailedAsync(WeiboAccount account, DeliveryContext context, WeiboProgress progress, WeiboApiException error, CancellationToken cancellationToken)
    {
        var meaning = error.Meaning;
        var now = clock.GetUtcNow().UtcDateTime;
        switch (meaning.Kind)
        {
            case WeiboErrorKind.Transient:
                progress.SystemErrors++;
                await context.SaveProgressAsync(progress, cancellationToken);
                return new DeliveryResult.Wait(now + RetrySchedule.Delay(progress.SystemErrors, outbox.Value), $"{meaning.Message}（第 {progress.SystemErrors} 次）");
            case WeiboErrorKind.RateLimited:
                return new DeliveryResult.Wait(NextHour(now), meaning.Message);
            case WeiboErrorKind.Token:
                var reason = $"{meaning.Message}";
                await links.RejectAsync(account, reason, cancellationToken);
                return new DeliveryResult.Fail(WeiboErrors.ReauthoriseMessage(account.Label, reason));
            default:
                if (progress.PostId is null)
                {
                    // Nothing went up: an editor's retry starts afresh.
                    await context.SaveProgressAsync<WeiboProgress>(null, cancellationToken);
                }

                return new DeliveryResult.Fail($"{meaning.Message}{(string.IsNullOrWhiteSpace(error.Error) ? null : $"平台说明：{error.Error}")}");
        }
    }

    private static void Record(WeiboLink link, WeiboProgress progress, string id)
    {
        progress.PostId = id;
        progress.PostUrl = PostUrl(link, id);
    }

    /// <summary>A post's public address.</summary>
    public static string PostUrl(WeiboLink link, string id) => $"https://weibo.com/{link.Uid}/{id}";

    private List<KeyValuePair<string, string>> Fields(WeiboLink link, params (string Name, string Value)[] fields)
    {
        var all = new List<KeyValuePair<string, string>> { new("access_token", link.AccessToken) };
        all.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        if ((string.IsNullOrWhiteSpace(options.Value.Rip) ? link.LinkedFromIp : options.Value.Rip.Trim()) is { Length: > 0 } rip)
        {
            all.Add(new("rip", rip));
        }

        return all;
    }

    /// <summary>The platform's <c>created_at</c>, e.g. <c>Tue May 31 17:46:55 +0800 2011</c>.</summary>
    private static DateTime? CreatedUtc(JsonObject status) =>
        DateTimeOffset.TryParseExact(status["created_at"]?.ToString(), "ddd MMM dd HH:mm:ss zzz yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.UtcDateTime : null;

    /// <summary>The platform's frequency limits are counted per clock hour.</summary>
    private static DateTime NextHour(DateTime nowUtc) =>
        new DateTime(nowUtc.Year, nowUtc.Month, nowUtc.Day, nowUtc.Hour, 0, 0, DateTimeKind.Utc).AddHours(1);
}
