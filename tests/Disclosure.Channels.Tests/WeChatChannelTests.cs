using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Disclosure.Channels.Outbox;
using Disclosure.Channels.Tests.Support;
using Disclosure.Channels.WeChat;
using Disclosure.Core.Channels;
using Disclosure.FakeWeChat;
using Disclosure.Media;
using Disclosure.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Channels.Tests;

/// <summary>The WeChat channel against the fake platform: the real call sequence, tokens, limits and failures.</summary>
public sealed class WeChatChannelTests
{
    private static Task<ChannelsHost> WeChatOnly(Scenario scenario, Action<Dictionary<string, string?>>? change = null) =>
        scenario.StartNodeAsync(change, withWebhook: false);

    private static async Task<OutboxMessage> PublishAndSettleAsync(ChannelsHost node, Core.ContentManagement.ContentData? data = null)
    {
        var id = await node.PublishNewAsync(data ?? Items.Everywhere());
        return (await node.SettledAsync(id, expected: 2)).Single(m => m.Channel == ChannelNames.WeChat);
    }

    [Fact]
    public async Task A_publication_goes_through_token_cover_draft_submit_and_poll()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WeChat.PendingPolls = 2;
        var node = await WeChatOnly(scenario);

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(
            ["/cgi-bin/stable_token", "/cgi-bin/material/add_material", "/cgi-bin/draft/add", "/cgi-bin/freepublish/submit",
             "/cgi-bin/freepublish/get", "/cgi-bin/freepublish/get", "/cgi-bin/freepublish/get"],
            scenario.WeChat.Calls.Select(c => c.Path));
        Assert.Equal(1, message.Attempts); // polling while 发布中 is waiting, not failing
        var article = Assert.Single(scenario.WeChat.Articles);
        Assert.Equal("https://mp.weixin.qq.com/s/fake-" + article.ArticleId["ARTICLE_".Length..], message.RemoteUrl);
        Assert.Equal("关于开展冬季火灾防控工作的通告", article.Title);
        Assert.Empty(scenario.WeChat.Violations);

        var draft = JsonNode.Parse(scenario.WeChat.Calls.Single(c => c.Path == "/cgi-bin/draft/add").Body!)!["articles"]![0]!;
        Assert.Equal("冬季火灾防控工作安排。", draft["digest"]!.ToString());
        Assert.Equal("永宁县公安局", draft["author"]!.ToString());
        Assert.Contains("640121-103/2026-", draft["content"]!.ToString()); // the 索引号 in the metadata block
        Assert.DoesNotContain("\\u", scenario.WeChat.Calls.Single(c => c.Path == "/cgi-bin/draft/add").Body!);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_and_the_call_repeated_within_the_same_attempt()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await WeChatOnly(scenario);
        await PublishAndSettleAsync(node);
        var before = scenario.WeChat.Calls.Count;

        scenario.WeChat.ExpireTokens();
        var message = await PublishAndSettleAsync(node, Items.Everywhere(title: "关于调整户籍业务办理时间的通知"));

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(1, message.Attempts);
        var calls = scenario.WeChat.Calls.Skip(before).ToList();
        Assert.Equal(42001, calls[0].ErrorCode);
        Assert.Equal("/cgi-bin/stable_token", calls[1].Path);
        Assert.Equal(calls[0].Path, calls[2].Path);
        Assert.Equal(0, calls[2].ErrorCode);
        Assert.Equal(2, scenario.WeChat.Articles.Count);
    }

    [Fact]
    public async Task A_token_held_in_the_database_is_shared_by_a_new_node()
    {
        await using var scenario = await Scenario.StartAsync();
        var first = await WeChatOnly(scenario);
        await PublishAndSettleAsync(first);
        await scenario.StopNodeAsync(first);

        var second = await WeChatOnly(scenario);
        await PublishAndSettleAsync(second, Items.Everywhere(title: "第二条通告"));
        Assert.Equal(1, scenario.WeChat.CountCalls("/cgi-bin/stable_token"));
    }

    [Fact]
    public async Task A_5xx_from_the_platform_is_retried_and_the_article_published_once()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WeChat.FailNext("/cgi-bin/draft/add", FakeFailure.ServerError, times: 2);
        var node = await WeChatOnly(scenario);

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(3, message.Attempts);
        Assert.Single(scenario.WeChat.Articles);
        Assert.Equal(1, scenario.WeChat.CountCalls("/cgi-bin/freepublish/submit"));
    }

    [Fact]
    public async Task System_busy_to_the_last_attempt_ends_in_the_dead_letters()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WeChat.FailNext("/cgi-bin/material/add_material", FakeFailure.SystemBusy, times: 10);
        var node = await WeChatOnly(scenario);

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.DeadLetter, message.State);
        Assert.Contains("系统繁忙", message.LastError);
        Assert.Contains("已尝试 4 次", message.LastError);
        Assert.Empty(scenario.WeChat.Articles);
    }

    [Fact]
    public async Task A_call_that_times_out_is_retried()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WeChat.FailNext("/cgi-bin/draft/add", new FakeFailure.Delay(TimeSpan.FromSeconds(3)));
        var node = await WeChatOnly(scenario, s => s["Channels:WeChat:TimeoutSeconds"] = "1");

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(2, message.Attempts);
        Assert.Single(scenario.WeChat.Articles);
    }

    [Fact]
    public async Task A_submit_whose_answer_was_lost_is_found_on_the_platform_and_not_repeated()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WeChat.FailNext("/cgi-bin/freepublish/submit", new FakeFailure.AnswerLost(TimeSpan.FromSeconds(3)));
        var node = await WeChatOnly(scenario, s => s["Channels:WeChat:TimeoutSeconds"] = "1");

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(2, message.Attempts); // the timeout, then the attempt that found the article
        var article = Assert.Single(scenario.WeChat.Articles);
        Assert.Equal(article.ArticleId, message.RemoteId);
        Assert.Equal(article.Url, message.RemoteUrl);
        Assert.Single(scenario.WeChat.Calls, c => c.Path == "/cgi-bin/freepublish/submit");
        Assert.Equal(40007, scenario.WeChat.Calls.Single(c => c.Path == "/cgi-bin/draft/get").ErrorCode); // the draft was consumed
        Assert.Equal(1, scenario.WeChat.CountCalls("/cgi-bin/freepublish/batchget"));
    }

    [Fact]
    public async Task A_lost_submit_of_an_update_is_told_apart_from_the_article_it_replaces()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WeChat.PendingPolls = 1; // the update is still 发布中 when the retry first looks
        var node = await WeChatOnly(scenario, s => s["Channels:WeChat:TimeoutSeconds"] = "1");
        var id = await node.PublishNewAsync(Items.Everywhere());
        await node.SettledAsync(id, expected: 2);

        // Same title and 阅读原文 URL as the live article: only the article id tells them apart.
        scenario.WeChat.FailNext("/cgi-bin/freepublish/submit", new FakeFailure.AnswerLost(TimeSpan.FromSeconds(3)));
        await node.UpdateAsync(id, Items.Everywhere(body: "为切实做好冬季火灾防控工作（补充第二条）……"));
        var messages = await node.SettledAsync(id, expected: 4);

        var articles = scenario.WeChat.Articles.OrderBy(a => a.PublishedOrder).ToList();
        Assert.Equal(2, articles.Count);
        Assert.True(articles[0].Deleted);
        Assert.False(articles[1].Deleted);
        Assert.Contains("补充第二条", articles[1].Content);
        Assert.Equal(articles[1].ArticleId, messages.Last(m => m.Channel == ChannelNames.WeChat).RemoteId);
        Assert.Equal(2, scenario.WeChat.Calls.Count(c => c.Path == "/cgi-bin/freepublish/submit"));
    }

    [Fact]
    public async Task A_submit_that_never_reached_the_platform_is_sent_again_after_checking_the_draft()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WeChat.FailNext("/cgi-bin/freepublish/submit", FakeFailure.ServerError);
        var node = await WeChatOnly(scenario);

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(1, scenario.WeChat.CountCalls("/cgi-bin/draft/get")); // still in the draft box: not taken
        Assert.Equal(1, scenario.WeChat.CountCalls("/cgi-bin/freepublish/submit"));
        Assert.Equal(0, scenario.WeChat.CountCalls("/cgi-bin/freepublish/batchget"));
        Assert.Single(scenario.WeChat.Articles);
    }

    [Fact]
    public async Task The_daily_quota_waits_for_the_reset_without_spending_attempts()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WeChat.FailNext("/cgi-bin/draft/add", FakeFailure.DailyQuota);
        var node = await WeChatOnly(scenario);
        var id = await node.PublishNewAsync(Items.Everywhere());

        var message = await Eventually.WaitAsync(async () => (await node.MessagesAsync(id)).Single(m => m.Channel == ChannelNames.WeChat),
            m => m.LastError is not null, "the quota answer");

        Assert.Equal(OutboxState.Pending, message.State);
        Assert.Equal(0, message.Attempts);
        Assert.Contains("45009", message.LastError);
        var midnight = Core.Time.ChinaTime.ToDate(DateTime.UtcNow).AddDays(1).ToDateTime(TimeOnly.MinValue) - Core.Time.ChinaTime.Offset;
        Assert.Equal(DateTime.SpecifyKind(midnight, DateTimeKind.Utc), message.NextAttemptUtc);
    }

    [Fact]
    public async Task A_rejected_article_is_dead_lettered_with_the_platforms_reason()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WeChat.FinalPublishStatus = 4;
        var node = await WeChatOnly(scenario);

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.DeadLetter, message.State);
        Assert.Contains("平台审核不通过", message.LastError);
        Assert.Null(message.ProgressJson); // an editor's retry starts with a fresh draft
    }

    [Fact]
    public async Task A_withdrawal_deletes_the_published_article()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await scenario.StartNodeAsync();
        var id = await node.PublishNewAsync(Items.Everywhere());
        await node.SettledAsync(id, expected: 3);
        var article = Assert.Single(scenario.WeChat.Articles);

        await node.WithdrawAsync(id, "信息已过时");
        var messages = await node.SettledAsync(id, expected: 6);

        var withdrawal = messages.Single(m => m.Channel == ChannelNames.WeChat && m.Kind == ChangeKind.Withdrawn);
        Assert.Equal(OutboxState.Sent, withdrawal.State);
        Assert.Equal(article.ArticleId, withdrawal.RemoteId);
        Assert.True(Assert.Single(scenario.WeChat.Articles).Deleted);
        var delete = JsonNode.Parse(scenario.WeChat.Calls.Single(c => c.Path == "/cgi-bin/freepublish/delete").Body!)!;
        Assert.Equal(article.ArticleId, delete["article_id"]!.ToString());
        Assert.Equal("withdrawn", scenario.Receiver.Received[^1].Event);
    }

    [Fact]
    public async Task An_update_publishes_the_new_version_and_deletes_the_article_it_replaces()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await WeChatOnly(scenario);
        var id = await node.PublishNewAsync(Items.Everywhere());
        await node.SettledAsync(id, expected: 2);

        await node.UpdateAsync(id, Items.Everywhere(title: "关于开展冬季火灾防控工作的通告（修订）"));
        var messages = await node.SettledAsync(id, expected: 4);

        var articles = scenario.WeChat.Articles.OrderBy(a => a.ArticleId).ToList();
        Assert.Equal(2, articles.Count);
        Assert.True(articles[0].Deleted);
        Assert.False(articles[1].Deleted);
        Assert.Equal("关于开展冬季火灾防控工作的通告（修订）", articles[1].Title);
        Assert.Equal(articles[1].ArticleId, messages.Last(m => m.Channel == ChannelNames.WeChat).RemoteId);
    }

    [Fact]
    public async Task Images_are_rehosted_within_limits_and_the_article_holds_nothing_the_platform_strips()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await WeChatOnly(scenario);
        var media = node.Services.GetRequiredService<MediaStore>();
        var photo = await media.SaveAsync(new MemoryStream(TestImages.NoisyPng(2400, 1600)), "现场照片.png");
        var chart = await media.SaveAsync(new MemoryStream(TestImages.NoisyPng(600, 900, seed: 3)), "流程图.png");

        var id = "with-images";
        var body = $"""
            ## 一、工作要求

            请阅读[消防安全常识](https://www.119.gov.cn/kp/index.shtml)并转告家人。

            ![火灾现场照片](/content/{id}/attachments/{photo.Path})

            | 时段 | 检查内容 |
            | --- | --- |
            | 11 月 | 人员密集场所 |
            | 12 月 | 居民小区 |

            ![外部图片](https://example.com/elsewhere.png)
            """;
        var data = Items.Everywhere(body: body);
        data.Root["Disclosure"] = new JsonObject
        {
            ["Attachments"] = new JsonArray(
                new JsonObject { ["path"] = photo.Path, ["name"] = "现场照片.png", ["size"] = photo.Size },
                new JsonObject { ["path"] = chart.Path, ["name"] = "流程图.png", ["size"] = chart.Size }),
        };

        await node.PublishNewAsync(data, id);
        var message = (await node.SettledAsync(id, expected: 2)).Single(m => m.Channel == ChannelNames.WeChat);

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Empty(scenario.WeChat.Violations);

        // The photo (in the body and among the attachments, uploaded once) and the chart; the external image is not fetched.
        var uploaded = scenario.WeChat.UploadedImages;
        Assert.Equal(2, uploaded.Count);
        foreach (var image in uploaded)
        {
            Assert.True(image.Length <= WeChatImages.ArticleMaxBytes, $"{image.Length} bytes");
            using var decoded = TestImages.Decode(image);
            Assert.True(Math.Max(decoded.Width, decoded.Height) <= WeChatImages.ArticleMaxSide, $"{decoded.Width}×{decoded.Height}");
        }

        // The cover is cut from the first picture: a JPEG within the thumb limits at 2.35:1 (pure noise does not
        // compress, so it had to shrink below 900 px to fit 64 KB).
        var (type, thumb) = Assert.Single(scenario.WeChat.Materials);
        Assert.Equal("thumb", type);
        Assert.True(thumb.Length <= WeChatImages.ThumbMaxBytes);
        using (var cover = TestImages.Decode(thumb))
        {
            Assert.InRange(cover.Width, 300, 900);
            Assert.InRange((double)cover.Width / cover.Height, 2.3, 2.4);
        }

        var content = new HtmlParser().ParseDocument("<body>" + Assert.Single(scenario.WeChat.Articles).Content + "</body>").Body!;
        foreach (var forbidden in WeChatHtml.Removed.Append("a"))
        {
            Assert.Empty(content.QuerySelectorAll(forbidden));
        }

        Assert.All(content.QuerySelectorAll("*"), e => Assert.False(e.HasAttribute("class")));
        var sources = content.QuerySelectorAll("img").Select(i => i.GetAttribute("src")!).ToList();
        Assert.Equal(3, sources.Count);
        Assert.Equal(2, sources.Distinct().Count());
        Assert.All(sources, src => Assert.StartsWith("http://mmbiz.qpic.cn/", src));
        Assert.Contains("消防安全常识（https://www.119.gov.cn/kp/index.shtml）", content.TextContent);
        Assert.Contains("〔图片：外部图片〕", content.TextContent);
        Assert.All(content.QuerySelectorAll("td"), td => Assert.Contains("border:1px solid", td.GetAttribute("style")));
        Assert.Contains("附件请点击“阅读原文”在网站下载", content.TextContent);
    }
}
