using System.Text.Json.Nodes;
using Disclosure.Channels.Content;
using Disclosure.Channels.Outbox;
using Disclosure.Core.Channels;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Entities;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.WeChat;

/// <summary>
/// The WeChat official account (微信公众号): a publication becomes a draft (<c>draft/add</c>) that is published
/// (<c>freepublish/submit</c>) and polled (<c>freepublish/get</c>) until the platform reports the article's URL; an
/// update publishes the new version and then deletes the article it replaces; a withdrawal deletes the live
/// article (<c>freepublish/delete</c>).
/// <para>
/// A submit whose answer was lost (a timeout) may still have been accepted, so it is never simply repeated: the
/// retry first asks whether the draft is still in the draft box (<c>draft/get</c>) — the platform consumes a draft it
/// accepts — and, if it is gone, finds the article among the published ones (<c>freepublish/batchget</c>).
/// </para>
/// <para>
/// One target per official account (集约化: an agency's items go to its own account only): the message's target picks
/// the account every call of the delivery is made as, so a stream, its progress and its token are the account's.
/// </para>
/// </summary>
public sealed class WeChatChannel(
    IOptions<WeChatOptions> options,
    WeChatClient client,
    WeChatArticleBuilder articles,
    ChannelItemLoader items,
    TimeProvider clock) : IChannel
{
    /// <summary>The platform's <c>errcode</c> for a media_id it does not know (here: a draft it has consumed).</summary>
    private const int InvalidMediaId = 40007;

    /// <summary>
    /// How many of the newest published articles are searched for one whose submit answer was lost: 5 pages of the
    /// platform's maximum 20. The lost submit is recent, so it is near the top unless the office publishes heavily
    /// from elsewhere at the same moment.
    /// </summary>
    private const int PublishedPagesSearched = 5;

    private const int PublishedPageSize = 20;

    public string Name => ChannelNames.WeChat;

    /// <summary>One target per official account: the own agency's (single-account keys) is the empty target, every other its AppId.</summary>
    public Task<IReadOnlyList<ChannelTarget>> GetTargetsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChannelTarget>>(options.Value.AllAccounts().Select(a => a.Audience).ToList());

    /// <summary>
    /// The one account of the item's agency: the account in <c>Accounts</c> that names it, else — for the own agency —
    /// the single-account keys; none for an agency without its own account (no inheritance from the parent agency).
    /// </summary>
    public IReadOnlyList<string> TargetsFor(string agency, string ownAgency)
    {
        var accounts = options.Value.AllAccounts();
        var named = accounts.FirstOrDefault(a => a.Audience.NamesAgency(agency));
        var account = named ?? accounts.FirstOrDefault(a => a.Audience.Serves(agency, ownAgency));
        return account is null ? [] : [account.Target];
    }

    public Task<IReadOnlyList<string>> ActiveTargetsForAsync(string agency, string ownAgency, CancellationToken cancellationToken) =>
        Task.FromResult(TargetsFor(agency, ownAgency));

    public async Task<DeliveryResult> DeliverAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        if (options.Value.AllAccounts().FirstOrDefault(a => a.Target == context.Message.Target) is not { } account)
        {
            return new DeliveryResult.Fail(context.Message.Target.Length == 0
                ? "微信公众号未配置（Channels:WeChat:AppId 与 AppSecret），请配置后重试。"
                : $"微信公众号“{context.Message.Target}”未配置（Channels:WeChat:Accounts），请配置后重试。");
        }

        var progress = context.ReadProgress<WeChatProgress>() ?? new WeChatProgress();
        try
        {
            return context.Message.Kind == ChangeKind.Withdrawn
                ? await WithdrawAsync(account, context, cancellationToken)
                : await PublishAsync(account, context, progress, cancellationToken);
        }
        catch (WeChatApiException ex)
        {
            var result = WeChatErrors.ToResult(ex, clock.GetUtcNow().UtcDateTime);
            if (result is DeliveryResult.Fail && progress.ArticleId is null)
            {
                // Nothing went live: a retry by an editor starts with a fresh draft.
                await context.SaveProgressAsync<WeChatProgress>(null, cancellationToken);
            }

            return result;
        }
        catch (WeChatTransportException ex)
        {
            return new DeliveryResult.Retry(ex.Message);
        }
    }

    private async Task<DeliveryResult> PublishAsync(WeChatAccount account, DeliveryContext context, WeChatProgress progress, CancellationToken cancellationToken)
    {
        if (progress.ArticleId is null && await BringLiveAsync(account, context, progress, cancellationToken) is { } notYet)
        {
            return notYet;
        }

        // An update: the new article is up, so the one it replaces comes down.
        if (context.LiveRemoteId is { } replaced && replaced != progress.ArticleId && !progress.ReplacedDeleted)
        {
            await DeleteAsync(account, replaced, cancellationToken);
            progress.ReplacedDeleted = true;
            await context.SaveProgressAsync(progress, cancellationToken);
        }

        return new DeliveryResult.Delivered(progress.ArticleId, progress.ArticleUrl);
    }

    /// <summary>
    /// Takes the publication from wherever it stopped (no draft, a draft, a publish_id) to a live article, saving the
    /// progress after every step. Null once <see cref="WeChatProgress.ArticleId"/> is known; otherwise the result
    /// of this attempt (waiting while 发布中, or a failure).
    /// </summary>
    private async Task<DeliveryResult?> BringLiveAsync(WeChatAccount account, DeliveryContext context, WeChatProgress progress, CancellationToken cancellationToken)
    {
        if (progress.PublishId is null)
        {
            if (progress.DraftMediaId is null)
            {
                var message = context.Message;
                var item = await items.LoadAsync(message.ContentItemId, message.VersionNumber, cancellationToken);
                if (item is null)
                {
                    return new DeliveryResult.Fail($"内容“{message.ContentItemId}”第 {message.VersionNumber} 版不存在。");
                }

                if (item.Version.Status == ContentStatus.Withdrawn)
                {
                    // Withdrawn before it reached WeChat: never put it up. Whatever was live stays recorded as
                    // live, for the withdrawal's message (which follows) to delete.
                    return new DeliveryResult.Delivered(context.LiveRemoteId, null);
                }

                var article = await articles.BuildAsync(account, item, cancellationToken);
                var draft = await client.PostJsonAsync(account, "/cgi-bin/draft/add", new JsonObject { ["articles"] = new JsonArray(article.ToJson()) }, cancellationToken);
                progress.DraftMediaId = Required(draft, "media_id", "draft/add");
                progress.DraftTitle = article.Title;
                progress.DraftSourceUrl = article.ContentSourceUrl;
                await context.SaveProgressAsync(progress, cancellationToken);
            }
            else if (progress.SubmitSentUtc is not null)
            {
                if (await FindLostSubmitAsync(account, context, progress, cancellationToken) is { } pending)
                {
                    return pending;
                }

                if (progress.ArticleId is not null)
                {
                    return null; // the lost submit went through
                }
            }

            // Recorded before sending: if the answer is lost, the next attempt knows to look before submitting again.
            progress.SubmitSentUtc = clock.GetUtcNow().UtcDateTime;
            await context.SaveProgressAsync(progress, cancellationToken);
            var submitted = await client.PostJsonAsync(account, "/cgi-bin/freepublish/submit", new JsonObject { ["media_id"] = progress.DraftMediaId }, cancellationToken);
            progress.PublishId = Required(submitted, "publish_id", "freepublish/submit");
            await context.SaveProgressAsync(progress, cancellationToken);
        }

        var status = await client.PostJsonAsync(account, "/cgi-bin/freepublish/get", new JsonObject { ["publish_id"] = progress.PublishId }, cancellationToken);
        var code = status["publish_status"]?.GetValue<int>() ?? -1;
        if (code == 1)
        {
            return await WaitForPublicationAsync(context, progress, "微信平台发布中", cancellationToken);
        }

        if (code != 0)
        {
            await context.SaveProgressAsync<WeChatProgress>(null, cancellationToken);
            var failed = status["fail_idx"] is JsonArray { Count: > 0 } idx ? $"（失败的文章序号：{string.Join("、", idx)}）" : string.Empty;
            return new DeliveryResult.Fail($"微信发布失败：{WeChatErrors.PublishStatus(code)}{failed}。");
        }

        progress.ArticleId = Required(status, "article_id", "freepublish/get");
        progress.ArticleUrl = (status["article_detail"]?["item"] as JsonArray)?.FirstOrDefault()?["article_url"]?.ToString();
        await context.SaveProgressAsync(progress, cancellationToken);
        return null;
    }

    /// <summary>
    /// After a submit whose answer never came: null when the draft is still in the draft box (the platform did
    /// not take it, so it may be submitted) or when the article was found among the published ones (recorded in
    /// <paramref name="progress"/>); otherwise a wait — the draft was taken but the article is not out yet — or,
    /// after <see cref="WeChatOptions.MaxPublishPolls"/>, a failure that sends the office to the platform.
    /// </summary>
    private async Task<DeliveryResult?> FindLostSubmitAsync(WeChatAccount account, DeliveryContext context, WeChatProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            await client.PostJsonAsync(account, "/cgi-bin/draft/get", new JsonObject { ["media_id"] = progress.DraftMediaId }, cancellationToken);
            return null;
        }
        catch (WeChatApiException ex) when (ex.ErrorCode == InvalidMediaId)
        {
            // The draft is gone: the platform accepted the submit.
        }

        for (var page = 0; page < PublishedPagesSearched; page++)
        {
            var list = await client.PostJsonAsync(
                account,
                "/cgi-bin/freepublish/batchget",
                new JsonObject { ["offset"] = page * PublishedPageSize, ["count"] = PublishedPageSize, ["no_content"] = 1 },
                cancellationToken);
            var published = list["item"] as JsonArray ?? [];
            foreach (var entry in published.OfType<JsonObject>())
            {
                var news = (entry["content"]?["news_item"] as JsonArray)?.FirstOrDefault() as JsonObject;
                var articleId = entry["article_id"]?.ToString();
                if (news is null || articleId is null || articleId == context.LiveRemoteId || news["is_deleted"]?.GetValue<bool>() == true)
                {
                    continue; // the live article an update replaces has the same title and URL, but is not ours
                }

                if (news["title"]?.ToString() == progress.DraftTitle && news["content_source_url"]?.ToString() == progress.DraftSourceUrl)
                {
                    progress.ArticleId = articleId;
                    progress.ArticleUrl = news["url"]?.ToString();
                    await context.SaveProgressAsync(progress, cancellationToken);
                    return null;
                }
            }

            if (published.Count < PublishedPageSize)
            {
                break;
            }
        }

        return await WaitForPublicationAsync(context, progress, "微信平台已接受发布请求（应答超时），正在确认发布结果", cancellationToken);
    }

    /// <summary>Counts one more poll and comes back later, or gives up after <see cref="WeChatOptions.MaxPublishPolls"/>.</summary>
    private async Task<DeliveryResult> WaitForPublicationAsync(DeliveryContext context, WeChatProgress progress, string note, CancellationToken cancellationToken)
    {
        progress.Polls++;
        if (progress.Polls >= options.Value.MaxPublishPolls)
        {
            return new DeliveryResult.Fail($"{note}，{progress.Polls} 次查询后仍未完成，请在公众平台查看该文章的状态，确认未发布后再重试。");
        }

        await context.SaveProgressAsync(progress, cancellationToken);
        return new DeliveryResult.Wait(clock.GetUtcNow().UtcDateTime.AddSeconds(options.Value.PublishPollSeconds), $"{note}（已查询 {progress.Polls} 次）。");
    }

    private async Task<DeliveryResult> WithdrawAsync(WeChatAccount account, DeliveryContext context, CancellationToken cancellationToken)
    {
        if (context.LiveRemoteId is not { } article)
        {
            return new DeliveryResult.Delivered(null, null); // nothing of this item is on WeChat
        }

        await DeleteAsync(account, article, cancellationToken);
        return new DeliveryResult.Delivered(article, null);
    }

    /// <summary>Deletes a published article: index 1 is our one article of that publication.</summary>
    private Task<JsonObject> DeleteAsync(WeChatAccount account, string articleId, CancellationToken cancellationToken) =>
        client.PostJsonAsync(account, "/cgi-bin/freepublish/delete", new JsonObject { ["article_id"] = articleId, ["index"] = 1 }, cancellationToken);

    private static string Required(JsonObject answer, string name, string api) =>
        answer[name]?.ToString() is { Length: > 0 } value ? value : throw new WeChatTransportException($"微信 {api} 接口未返回 {name}。");
}
