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
/// </summary>
public sealed class WeChatChannel(
    IOptions<WeChatOptions> options,
    WeChatClient client,
    WeChatArticleBuilder articles,
    ChannelItemLoader items,
    TimeProvider clock) : IChannel
{
    private static readonly IReadOnlyList<string> SingleTarget = [string.Empty];

    public string Name => ChannelNames.WeChat;

    public IReadOnlyList<string> Targets => options.Value.IsConfigured ? SingleTarget : [];

    public async Task<DeliveryResult> DeliverAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return new DeliveryResult.Fail("微信公众号未配置（Channels:WeChat:AppId 与 AppSecret），请配置后重试。");
        }

        var progress = context.ReadProgress<WeChatProgress>() ?? new WeChatProgress();
        try
        {
            return context.Message.Kind == ChangeKind.Withdrawn
                ? await WithdrawAsync(context, cancellationToken)
                : await PublishAsync(context, progress, cancellationToken);
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

    private async Task<DeliveryResult> PublishAsync(DeliveryContext context, WeChatProgress progress, CancellationToken cancellationToken)
    {
        var message = context.Message;
        if (progress.ArticleId is null)
        {
            if (progress.PublishId is null)
            {
                if (progress.DraftMediaId is null)
                {
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

                    var article = await articles.BuildAsync(item, cancellationToken);
                    var draft = await client.PostJsonAsync("/cgi-bin/draft/add", new JsonObject { ["articles"] = new JsonArray(article.ToJson()) }, cancellationToken);
                    progress.DraftMediaId = Required(draft, "media_id", "draft/add");
                    await context.SaveProgressAsync(progress, cancellationToken);
                }

                var submitted = await client.PostJsonAsync("/cgi-bin/freepublish/submit", new JsonObject { ["media_id"] = progress.DraftMediaId }, cancellationToken);
                progress.PublishId = Required(submitted, "publish_id", "freepublish/submit");
                await context.SaveProgressAsync(progress, cancellationToken);
            }

            var status = await client.PostJsonAsync("/cgi-bin/freepublish/get", new JsonObject { ["publish_id"] = progress.PublishId }, cancellationToken);
            var code = status["publish_status"]?.GetValue<int>() ?? -1;
            if (code == 1)
            {
                progress.Polls++;
                if (progress.Polls >= options.Value.MaxPublishPolls)
                {
                    return new DeliveryResult.Fail($"微信平台在 {progress.Polls} 次查询后仍显示“发布中”，请在公众平台查看该文章的状态。");
                }

                await context.SaveProgressAsync(progress, cancellationToken);
                return new DeliveryResult.Wait(clock.GetUtcNow().UtcDateTime.AddSeconds(options.Value.PublishPollSeconds), $"微信平台发布中（已查询 {progress.Polls} 次）。");
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
        }

        // An update: the new article is up, so the one it replaces comes down.
        if (context.LiveRemoteId is { } replaced && replaced != progress.ArticleId && !progress.ReplacedDeleted)
        {
            await DeleteAsync(replaced, cancellationToken);
            progress.ReplacedDeleted = true;
            await context.SaveProgressAsync(progress, cancellationToken);
        }

        return new DeliveryResult.Delivered(progress.ArticleId, progress.ArticleUrl);
    }

    private async Task<DeliveryResult> WithdrawAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        if (context.LiveRemoteId is not { } article)
        {
            return new DeliveryResult.Delivered(null, null); // nothing of this item is on WeChat
        }

        await DeleteAsync(article, cancellationToken);
        return new DeliveryResult.Delivered(article, null);
    }

    /// <summary>Deletes a published article: index 1 is our one article of that publication.</summary>
    private Task DeleteAsync(string articleId, CancellationToken cancellationToken) =>
        client.PostJsonAsync("/cgi-bin/freepublish/delete", new JsonObject { ["article_id"] = articleId, ["index"] = 1 }, cancellationToken);

    private static string Required(JsonObject answer, string name, string api) =>
        answer[name]?.ToString() is { Length: > 0 } value ? value : throw new WeChatTransportException($"微信 {api} 接口未返回 {name}。");
}
