using System.Text.Json.Nodes;
using Disclosure.Channels.Outbox;
using Disclosure.Channels.Tests.Support;
using Disclosure.Channels.Weibo;
using Disclosure.Core.Channels;
using Disclosure.FakeWeibo;
using Disclosure.Media;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Eventually = Disclosure.Channels.Tests.Support.Eventually;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Channels.Tests;

/// <summary>The 政务微博 channel against the fake platform: the post, its limits, corrections and withdrawals, and every failure the reference names.</summary>
public sealed class WeiboChannelTests
{
    private const string Share = "/2/statuses/share.json";
    private const string Timeline = "/2/statuses/user_timeline.json";

    /// <summary>A node with the Weibo app only, the own agency's account linked.</summary>
    private static async Task<ChannelsHost> WeiboOnlyAsync(Scenario scenario, Action<Dictionary<string, string?>>? change = null)
    {
        var node = await scenario.StartNodeAsync(change, withWeChat: false, withWebhook: false);
        await scenario.LinkWeiboAsync(node);
        return node;
    }

    private static async Task<OutboxMessage> PublishAndSettleAsync(ChannelsHost node, Core.ContentManagement.ContentData? data = null)
    {
        var id = await node.PublishNewAsync(data ?? Items.Everywhere());
        return (await node.SettledAsync(id, expected: 2)).Single(m => m.Channel == ChannelNames.Weibo);
    }

    [Fact]
    public async Task A_publication_becomes_one_post_with_its_text_link_and_picture()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await WeiboOnlyAsync(scenario);

        var id = await node.PublishNewAsync(Items.Everywhere());
        var message = (await node.SettledAsync(id, expected: 2)).Single(m => m.Channel == ChannelNames.Weibo);

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(1, message.Attempts);
        var post = Assert.Single(scenario.Weibo.Posts);
        Assert.Equal($"【关于开展冬季火灾防控工作的通告】冬季火灾防控工作安排。 {ChannelsHost.PublicUrl}/content/{id}", post.Text);
        Assert.Equal(post.IdStr, message.RemoteId);
        Assert.Equal($"https://weibo.com/{FakeWeiboServer.DefaultUid}/{post.IdStr}", message.RemoteUrl);
        Assert.Equal("192.0.2.10", post.Rip); // the address of the person who linked the account

        // No picture of its own: the title card, a JPEG within the limits.
        Assert.Equal("jpg", WeiboRules.PictureFormat(post.Picture!));
        using (var card = TestImages.Decode(post.Picture!))
        {
            Assert.Equal((900, 383), (card.Width, card.Height));
        }

        Assert.Equal(1, scenario.Weibo.CountServed(Share));
        Assert.Equal(0, scenario.Weibo.Calls.Count(c => c.Path == Timeline)); // nothing was lost, nothing looked up
        Assert.Equal(0, await node.RunDispatcherOnceAsync());
        Assert.Single(scenario.Weibo.Posts);
    }

    [Fact]
    public async Task The_items_first_picture_is_posted_reencoded_under_the_limits()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await WeiboOnlyAsync(scenario);
        var media = node.Services.GetRequiredService<MediaStore>();
        var photo = await media.SaveAsync(new MemoryStream(TestImages.NoisyPng(3000, 2000)), "现场照片.png");
        var data = Items.Everywhere();
        data.Root["Disclosure"] = new JsonObject { ["Attachments"] = new JsonArray(new JsonObject { ["path"] = photo.Path, ["name"] = "现场照片.png", ["size"] = photo.Size }) };

        var message = await PublishAndSettleAsync(node, data);

        Assert.Equal(OutboxState.Sent, message.State);
        var picture = Assert.Single(scenario.Weibo.Posts).Picture!;
        Assert.True(photo.Size > WeiboPicture.MaxBytes, "the source must be over the limit for the test to mean anything");
        Assert.True(picture.Length <= WeiboPicture.MaxBytes, $"{picture.Length} bytes");
        Assert.Equal("jpg", WeiboRules.PictureFormat(picture));
        using var decoded = TestImages.Decode(picture);
        Assert.Equal(2048, Math.Max(decoded.Width, decoded.Height));
        Assert.InRange((double)decoded.Width / decoded.Height, 1.49, 1.51); // the whole photo, not a crop
    }

    [Fact]
    public async Task A_long_title_is_cut_to_the_140_character_rule_as_the_platform_counts_it_and_topics_are_removed()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await WeiboOnlyAsync(scenario);
        var title = "#冬季防火#关于" + string.Concat(Enumerable.Repeat("开展城乡居民住宅与人员密集场所消防安全隐患排查整治", 6)) + "的通告";

        var message = await PublishAndSettleAsync(node, Items.Everywhere(title: title));

        Assert.Equal(OutboxState.Sent, message.State);
        var text = Assert.Single(scenario.Weibo.Posts).Text;
        Assert.Equal(140, WeiboRules.Length(text)); // the fake's own count: full, not over
        Assert.DoesNotContain("#", text);
        Assert.StartsWith("【冬季防火关于开展城乡居民住宅", text);
        Assert.Contains("…】", text); // the title itself was cut; no room was left for the digest
        Assert.EndsWith($" {ChannelsHost.PublicUrl}/content/{message.ContentItemId}", text); // the link whole
    }

    [Fact]
    public async Task An_update_posts_a_correction_and_a_withdrawal_deletes_every_post_of_the_item()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await WeiboOnlyAsync(scenario);
        var id = await node.PublishNewAsync(Items.Everywhere());
        await node.SettledAsync(id, expected: 2);

        await node.UpdateAsync(id, Items.Everywhere(title: "关于开展冬季火灾防控工作的通告（修订）"));
        var updated = await node.SettledAsync(id, expected: 4);
        var posts = scenario.Weibo.Posts;
        Assert.Equal(2, posts.Count);
        Assert.StartsWith("【更正】【关于开展冬季火灾防控工作的通告（修订）】", posts[1].Text);
        Assert.False(posts[0].Deleted); // the platform cannot edit: the original stays until the item is withdrawn
        Assert.Equal(posts[1].IdStr, updated.Last(m => m.Channel == ChannelNames.Weibo).RemoteId);

        await node.WithdrawAsync(id, "信息已过时");
        var messages = await node.SettledAsync(id, expected: 6);

        var withdrawal = messages.Single(m => m.Channel == ChannelNames.Weibo && m.Kind == ChangeKind.Withdrawn);
        Assert.Equal(OutboxState.Sent, withdrawal.State);
        Assert.Equal($"{posts[0].IdStr},{posts[1].IdStr}", withdrawal.RemoteId);
        Assert.All(scenario.Weibo.Posts, p => Assert.True(p.Deleted));
        Assert.Equal(2, scenario.Weibo.CountServed("/2/statuses/destroy.json"));
    }

    [Fact]
    public async Task An_expired_token_stops_the_account_with_a_message_asking_the_office_to_authorise_again()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await WeiboOnlyAsync(scenario);
        scenario.Weibo.ExpireTokens();

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.DeadLetter, message.State);
        Assert.Equal(1, message.Attempts);
        Assert.Contains("21327", message.LastError);
        Assert.Contains("重新授权", message.LastError);
        Assert.Empty(scenario.Weibo.Posts);
        var link = await node.InScopeAsync(sp => sp.GetRequiredService<WeiboLinkStore>().FindAsync(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<WeiboOptions>>().Value.Find(string.Empty)!, CancellationToken.None));
        Assert.NotNull(link!.Rejected);

        // The channel has stopped for the account: the next publication does not call the platform at all.
        var calls = scenario.Weibo.Calls.Count;
        var next = await PublishAndSettleAsync(node, Items.Everywhere(title: "第二条通告"));
        Assert.Equal(OutboxState.DeadLetter, next.State);
        Assert.Contains("重新授权", next.LastError);
        Assert.Equal(calls, scenario.Weibo.Calls.Count);
    }

    [Fact]
    public async Task Service_unavailable_backs_off_without_spending_attempts_and_posts_once()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Weibo.FailNext(Share, FakeWeiboFailure.ServiceUnavailable, times: 5); // more than MaxAttempts (4)
        var node = await WeiboOnlyAsync(scenario);

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(5, scenario.Weibo.Calls.Count(c => c.Path == Share && c.ErrorCode == 10002));
        Assert.Single(scenario.Weibo.Posts);
        Assert.Equal(0, scenario.Weibo.Calls.Count(c => c.Path == Timeline)); // an error answer means not posted: no lookup
    }

    [Fact]
    public async Task A_rate_limit_waits_for_the_next_hour_without_spending_attempts()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Weibo.FailNext(Share, FakeWeiboFailure.RateLimited);
        var node = await WeiboOnlyAsync(scenario);
        var id = await node.PublishNewAsync(Items.Everywhere());

        var waiting = await Eventually.WaitAsync(async () => (await node.MessagesAsync(id)).Single(m => m.Channel == ChannelNames.Weibo),
            m => m.LastError is not null, "the rate limit answer");

        Assert.Equal(OutboxState.Pending, waiting.State);
        Assert.Equal(0, waiting.Attempts);
        Assert.Contains("10023", waiting.LastError);
        var now = DateTime.UtcNow;
        Assert.Equal(new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(1), waiting.NextAttemptUtc);
        Assert.Empty(scenario.Weibo.Posts);

        // The hour has come: it is posted, once.
        await node.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<OutboxMessage>().Where(m => m.Id == waiting.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, DateTime.UtcNow)));
        var sent = (await node.SettledAsync(id, expected: 2)).Single(m => m.Channel == ChannelNames.Weibo);
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Single(scenario.Weibo.Posts);
    }

    [Fact]
    public async Task A_share_accepted_but_answered_too_late_is_found_in_the_timeline_and_not_posted_again()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Weibo.FailNext(Share, new FakeWeiboFailure.AnswerLost(TimeSpan.FromSeconds(3)));
        var node = await WeiboOnlyAsync(scenario, s => s["Channels:Weibo:TimeoutSeconds"] = "1");

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(2, message.Attempts); // the timeout, then the attempt that found the post
        var post = Assert.Single(scenario.Weibo.Posts);
        Assert.Equal(post.IdStr, message.RemoteId);
        Assert.Equal(post.Url, message.RemoteUrl);
        Assert.Single(scenario.Weibo.Calls, c => c.Path == Share);
        Assert.Equal(1, scenario.Weibo.CountServed(Timeline));
    }

    [Fact]
    public async Task A_share_delayed_past_the_timeout_is_waited_for_and_not_posted_twice()
    {
        await using var scenario = await Scenario.StartAsync();
        // The platform takes 3 s to act on the call; the channel gives up after 1 s and looks before posting again.
        scenario.Weibo.FailNext(Share, new FakeWeiboFailure.Delay(TimeSpan.FromSeconds(3)));
        var node = await WeiboOnlyAsync(scenario, s => s["Channels:Weibo:TimeoutSeconds"] = "1");

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.Sent, message.State);
        var post = Assert.Single(scenario.Weibo.Posts);
        Assert.Equal(post.IdStr, message.RemoteId);
        Assert.Single(scenario.Weibo.Calls, c => c.Path == Share);
        Assert.True(scenario.Weibo.CountServed(Timeline) >= 2, "the post was looked for until it appeared");
    }

    [Fact]
    public async Task A_share_that_never_appears_is_posted_again_after_the_settle_time()
    {
        await using var scenario = await Scenario.StartAsync();
        // A gateway error instead of the platform's JSON: nobody knows whether it posted (it did not).
        scenario.Weibo.FailNext(Share, new FakeWeiboFailure.HttpStatus(502));
        var node = await WeiboOnlyAsync(scenario, s => s["Channels:Weibo:LostAnswerSettleSeconds"] = "1");

        var message = await PublishAndSettleAsync(node);

        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Single(scenario.Weibo.Posts);
        Assert.Equal(2, scenario.Weibo.Calls.Count(c => c.Path == Share));
        Assert.True(scenario.Weibo.CountServed(Timeline) >= 1, "looked for before posting again");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Two_dispatchers_on_one_database_never_post_twice(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.StartAsync(provider);
        var writer = await scenario.StartNodeAsync(s => s["Channels:Outbox:DispatcherEnabled"] = "false", withWeChat: false, withWebhook: false);
        await scenario.LinkWeiboAsync(writer);
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await writer.PublishNewAsync(Items.Everywhere(title: $"第 {i + 1} 号通告")));
        }

        void Busy(Dictionary<string, string?> s)
        {
            s["Channels:Outbox:BatchSize"] = "3";
            s["Channels:Outbox:Concurrency"] = "3";
        }

        var first = await scenario.StartNodeAsync(Busy, withWeChat: false, withWebhook: false);
        var second = await scenario.StartNodeAsync(Busy, withWeChat: false, withWebhook: false);
        var messages = (await first.SettledAsync(expected: 24)).Where(m => m.Channel == ChannelNames.Weibo).ToList();

        Assert.Equal(12, messages.Count);
        Assert.All(messages, m => Assert.Equal((OutboxState.Sent, 1), (m.State, m.Attempts)));
        var posts = scenario.Weibo.Posts;
        Assert.Equal(12, posts.Count);
        Assert.Equal(12, posts.Select(p => p.Text).Distinct().Count());
        Assert.Equal(12, scenario.Weibo.Calls.Count(c => c.Path == Share));
        _ = second;
    }

    [Fact]
    public async Task A_node_that_dies_after_posting_leaves_the_post_to_be_found_by_the_next_not_posted_again()
    {
        await using var scenario = await Scenario.StartAsync();
        // The dying node posts and never hears the answer: it is stopped while the fake holds it back.
        scenario.Weibo.FailNext(Share, new FakeWeiboFailure.AnswerLost(TimeSpan.FromSeconds(30)));
        var dying = await WeiboOnlyAsync(scenario, s => s["Channels:Outbox:LeaseSeconds"] = "2");
        var id = await dying.PublishNewAsync(Items.Everywhere());
        await Eventually.WaitAsync(() => Task.FromResult(scenario.Weibo.Posts.Count), n => n == 1, "the post to exist on the platform");
        await scenario.StopNodeAsync(dying);

        var survivor = await scenario.StartNodeAsync(withWeChat: false, withWebhook: false);
        var message = (await survivor.SettledAsync(id, expected: 2)).Single(m => m.Channel == ChannelNames.Weibo);

        Assert.Equal(OutboxState.Sent, message.State);
        var post = Assert.Single(scenario.Weibo.Posts);
        Assert.Equal(post.IdStr, message.RemoteId);
        Assert.Single(scenario.Weibo.Calls, c => c.Path == Share);
    }

    [Fact]
    public async Task An_account_nobody_linked_gets_no_messages()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await scenario.StartNodeAsync(withWeChat: false, withWebhook: false);

        var id = await node.PublishNewAsync(Items.Everywhere());

        Assert.Equal(ChannelNames.Web, Assert.Single(await node.SettledAsync(id)).Channel);
        var unconfigured = await node.InScopeAsync(sp => sp.GetRequiredService<ChannelSetup>().UnconfiguredForItemAsync(id, [ChannelNames.Web, ChannelNames.Weibo], CancellationToken.None));
        Assert.Equal(ChannelNames.Weibo, Assert.Single(unconfigured).Channel);
    }

    [Fact]
    public async Task The_annual_report_counts_the_years_weibo_posts_like_wechat_articles()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await scenario.StartNodeAsync(withWebhook: false);
        await scenario.LinkWeiboAsync(node);
        var first = await node.PublishNewAsync(Items.Everywhere());
        await node.PublishNewAsync(Items.Everywhere(title: "关于调整户籍业务办理时间的通知"));
        await node.SettledAsync(expected: 6);
        // A correction is not a new publication: it does not count again.
        await node.UpdateAsync(first, Items.Everywhere(title: "关于开展冬季火灾防控工作的通告（修订）"));
        await node.SettledAsync(expected: 9);
        Assert.Equal(3, scenario.Weibo.Posts.Count);

        var overview = await node.InScopeAsync(async sp => await sp.GetRequiredService<AnnualReports.Services.ReportStatistics>().OverviewAsync(
            await sp.GetRequiredService<Storage.Agencies.AgencyDirectory>().DefaultCodeAsync(CancellationToken.None), Core.Time.ChinaTime.ToDate(DateTime.UtcNow).Year));

        Assert.Equal(2, overview.OnChannel(ChannelNames.Weibo));
        Assert.Equal(2, overview.OnChannel(ChannelNames.WeChat));
        var draft = AnnualReports.Models.OverviewDrafter.Draft("永宁县公安局", new AnnualReports.Models.AnnualReportFigures(2026, 2021,
            new AnnualReports.Models.ProactiveFigures(new(0, 0, 0), new(0, 0, 0), 0, 0, Enforcement: null, FeeAmount: 0),
            Requests.Statistics.ApplicationTable.Compute(2026, []), Requests.Statistics.AppealTable.Compute(2026, []), overview));
        Assert.Contains("同步通过微信公众号发布信息2条，通过政务微博发布信息2条。", draft);
    }
}
