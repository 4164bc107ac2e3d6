using Disclosure.Channels.Outbox;
using Disclosure.Channels.Tests.Support;
using Disclosure.Core.Channels;
using Disclosure.Core.Recipes;
using Disclosure.Modules;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Channels.Tests;

/// <summary>The outbox end to end: exactly once on every channel, through crashes, failures and several nodes.</summary>
public sealed class OutboxDeliveryTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_publication_arrives_exactly_once_on_each_channel(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.StartAsync(provider);
        var node = await scenario.StartNodeAsync();

        var id = await node.PublishNewAsync(Items.Everywhere());
        var messages = await node.SettledAsync(id, expected: 3);

        Assert.Equal([ChannelNames.App, ChannelNames.Web, ChannelNames.WeChat], messages.Select(m => m.Channel).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.All(messages, m => Assert.Equal(ChangeKind.Published, m.Kind));

        var web = messages.Single(m => m.Channel == ChannelNames.Web);
        Assert.Equal($"{ChannelsHost.PublicUrl}/content/{id}", web.RemoteUrl);

        var wechat = messages.Single(m => m.Channel == ChannelNames.WeChat);
        var article = Assert.Single(scenario.WeChat.Articles);
        Assert.Equal(article.ArticleId, wechat.RemoteId);
        Assert.Equal(article.Url, wechat.RemoteUrl);
        Assert.Equal($"{ChannelsHost.PublicUrl}/content/{id}", article.ContentSourceUrl);
        Assert.Equal(1, scenario.WeChat.CountCalls("/cgi-bin/draft/add"));
        Assert.Equal(1, scenario.WeChat.CountCalls("/cgi-bin/freepublish/submit"));

        var hook = Assert.Single(scenario.Receiver.Received);
        Assert.True(hook.SignatureValid);
        Assert.Equal("published", hook.Event);
        Assert.Equal(messages.Single(m => m.Channel == ChannelNames.App).IdempotencyKey, hook.IdempotencyKey);
        Assert.Equal(id, hook.Json["contentItemId"]!.ToString());
        Assert.Equal("Disclosure", hook.Json["contentType"]!.ToString());
        Assert.Equal("关于开展冬季火灾防控工作的通告", hook.Json["title"]!.ToString());
        Assert.Equal("冬季火灾防控工作安排。", hook.Json["summary"]!.ToString());
        Assert.Equal($"{ChannelsHost.PublicUrl}/content/{id}", hook.Json["url"]!.ToString());

        // Further passes of the dispatcher find nothing to send again.
        Assert.Equal(0, await node.RunDispatcherOnceAsync());
        Assert.Single(scenario.Receiver.Received);
        Assert.Equal(1, scenario.WeChat.CountCalls("/cgi-bin/freepublish/submit"));
    }

    [Fact]
    public async Task A_crash_between_commit_and_dispatch_still_delivers_after_restart()
    {
        await using var scenario = await Scenario.StartAsync();
        var crashed = await scenario.StartNodeAsync(s => s["Channels:Outbox:DispatcherEnabled"] = "false");
        var id = await crashed.PublishNewAsync(Items.Everywhere());
        Assert.All(await crashed.MessagesAsync(id), m => Assert.Equal(OutboxState.Pending, m.State));
        await scenario.StopNodeAsync(crashed);
        Assert.Empty(scenario.Receiver.Received);
        Assert.Empty(scenario.WeChat.Articles);

        var restarted = await scenario.StartNodeAsync();
        var messages = await restarted.SettledAsync(id, expected: 3);

        Assert.All(messages, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Single(scenario.Receiver.Received);
        Assert.Single(scenario.WeChat.Articles);
    }

    [Fact]
    public async Task A_dead_nodes_claim_is_retaken_once_its_lease_runs_out()
    {
        await using var scenario = await Scenario.StartAsync();
        var dying = await scenario.StartNodeAsync(s => s["Channels:Outbox:DispatcherEnabled"] = "false", withWeChat: false);
        var id = await dying.PublishNewAsync(Items.Everywhere());

        // The node claims the messages with a short lease, then dies before delivering them.
        var claimed = await dying.InScopeAsync(sp => sp.GetRequiredService<OutboxStore>().ClaimAsync(10, TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Equal(2, claimed.Count);
        await scenario.StopNodeAsync(dying);

        var survivor = await scenario.StartNodeAsync(withWeChat: false);
        var messages = await survivor.SettledAsync(id, expected: 2);
        Assert.All(messages, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.All(messages, m => Assert.Equal(2, m.Attempts));
        Assert.Single(scenario.Receiver.Received);
    }

    [Fact]
    public async Task A_5xx_is_retried_with_back_off_and_ends_in_the_dead_letters_after_the_last_attempt()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Receiver.FailAlways(503);
        var node = await scenario.StartNodeAsync(withWeChat: false);

        var id = await node.PublishNewAsync(Items.Everywhere());
        var messages = await node.SettledAsync(id, expected: 2);

        var hook = messages.Single(m => m.Channel == ChannelNames.App);
        Assert.Equal(OutboxState.DeadLetter, hook.State);
        Assert.Equal(4, hook.Attempts);
        Assert.Contains("HTTP 503", hook.LastError);
        Assert.Contains("已尝试 4 次", hook.LastError);

        var received = scenario.Receiver.Received;
        Assert.Equal(4, received.Count);
        Assert.All(received, r => Assert.Equal(hook.IdempotencyKey, r.IdempotencyKey));
        // Back-off: the n-th retry waits at least half of base·2ⁿ⁻¹ (0.2 s base, capped at 1 s).
        var gaps = received.Zip(received.Skip(1), (a, b) => b.AtUtc - a.AtUtc).ToList();
        Assert.True(gaps[0] >= TimeSpan.FromSeconds(0.1), $"first retry after {gaps[0]}");
        Assert.True(gaps[1] >= TimeSpan.FromSeconds(0.2), $"second retry after {gaps[1]}");
        Assert.True(gaps[2] >= TimeSpan.FromSeconds(0.4), $"third retry after {gaps[2]}");

        // The web channel is unaffected by the app's receiver.
        Assert.Equal(OutboxState.Sent, messages.Single(m => m.Channel == ChannelNames.Web).State);
    }

    [Fact]
    public async Task An_editor_retries_a_dead_letter_and_it_is_delivered()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Receiver.FailAlways(502);
        var node = await scenario.StartNodeAsync(withWeChat: false);
        var id = await node.PublishNewAsync(Items.Everywhere());
        var dead = (await node.SettledAsync(id, expected: 2)).Single(m => m.Channel == ChannelNames.App);
        Assert.Equal(OutboxState.DeadLetter, dead.State);

        var status = await node.InScopeAsync(sp => sp.GetRequiredService<OutboxStatusQuery>().ForItemAsync(id, CancellationToken.None));
        Assert.True(status.Single(s => s.Message.Id == dead.Id).CanRetry);
        Assert.Equal("失败（已停止重试）", status.Single(s => s.Message.Id == dead.Id).StateName);

        scenario.Receiver.Heal();
        await node.InScopeAsync(sp => sp.GetRequiredService<OutboxStatusQuery>().RetryAsync(Disclosure.Core.Security.Actor.System, dead.Id, CancellationToken.None));
        var retried = (await node.SettledAsync(id, expected: 2)).Single(m => m.Id == dead.Id);

        Assert.Equal(OutboxState.Sent, retried.State);
        Assert.Null(retried.LastError);
        Assert.Equal(1, scenario.Receiver.Received.Count(r => !r.AnsweredWithFailure));

        // Sent messages are not retried.
        await Assert.ThrowsAsync<OutboxRetryException>(() => node.InScopeAsync(sp => sp.GetRequiredService<OutboxStatusQuery>().RetryAsync(Disclosure.Core.Security.Actor.System, dead.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task An_older_failed_message_cannot_be_retried_over_a_newer_change()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.Receiver.FailAlways();
        var node = await scenario.StartNodeAsync(withWeChat: false);
        var id = await node.PublishNewAsync(Items.Everywhere());
        await node.SettledAsync(id, expected: 2);
        scenario.Receiver.Heal();
        await node.WithdrawAsync(id, "信息有误");
        var messages = await node.SettledAsync(id, expected: 4);
        var oldPublish = messages.Single(m => m.Channel == ChannelNames.App && m.Kind == ChangeKind.Published);

        var refused = await Assert.ThrowsAsync<OutboxRetryException>(() =>
            node.InScopeAsync(sp => sp.GetRequiredService<OutboxStatusQuery>().RetryAsync(Disclosure.Core.Security.Actor.System, oldPublish.Id, CancellationToken.None)));
        Assert.Contains("更新的推送", refused.Message);
        Assert.Equal("withdrawn", Assert.Single(scenario.Receiver.Received, r => !r.AnsweredWithFailure).Event);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Two_dispatchers_on_one_database_deliver_each_message_once(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.StartAsync(provider);
        // Publishing happens on a node without a dispatcher, so both dispatchers find the rows the same way.
        var writer = await scenario.StartNodeAsync(s => s["Channels:Outbox:DispatcherEnabled"] = "false", withWeChat: false);
        var ids = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            ids.Add(await writer.PublishNewAsync(Items.Everywhere(title: $"第 {i + 1} 号通告")));
        }

        void Busy(Dictionary<string, string?> s)
        {
            s["Channels:Outbox:BatchSize"] = "3";
            s["Channels:Outbox:Concurrency"] = "3";
        }

        var first = await scenario.StartNodeAsync(Busy, withWeChat: false);
        var second = await scenario.StartNodeAsync(Busy, withWeChat: false);
        var messages = await first.SettledAsync(expected: 48);

        Assert.Equal(48, messages.Count);
        Assert.All(messages, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.All(messages, m => Assert.Equal(1, m.Attempts));
        var received = scenario.Receiver.Received;
        Assert.Equal(24, received.Count);
        Assert.Equal(24, received.Select(r => r.IdempotencyKey).Distinct().Count());
        Assert.Equal(ids.Order(), received.Select(r => r.Json["contentItemId"]!.ToString()).Order());
        _ = second;
    }

    [Fact]
    public async Task A_withdrawal_follows_the_publication_to_the_app_with_its_reason()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await scenario.StartNodeAsync(withWeChat: false);
        var id = await node.PublishNewAsync(Items.Everywhere());
        await node.SettledAsync(id, expected: 2);

        await node.WithdrawAsync(id, "内容有误，更正后重新发布");
        var messages = await node.SettledAsync(id, expected: 4);

        Assert.Equal(2, messages.Count(m => m.Kind == ChangeKind.Withdrawn && m.State == OutboxState.Sent));
        var withdrawn = scenario.Receiver.Received[^1];
        Assert.Equal("withdrawn", withdrawn.Event);
        Assert.Equal("内容有误，更正后重新发布", withdrawn.Json["reason"]!.ToString());
        Assert.Null(withdrawn.Json["summary"]);
        Assert.True(withdrawn.SignatureValid);
    }

    [Fact]
    public async Task The_items_publication_methods_choose_its_channels_and_dropping_one_withdraws_from_it()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await scenario.StartNodeAsync();
        var id = await node.PublishNewAsync(Items.WithChannels(Items.Everywhere(), "政府网站", "微信公众号"));
        var first = await node.SettledAsync(id, expected: 2);
        Assert.Equal([ChannelNames.Web, ChannelNames.WeChat], first.Select(m => m.Channel).Order(StringComparer.Ordinal));
        Assert.Empty(scenario.Receiver.Received);

        // The update no longer names 微信公众号: the site is updated, the WeChat article comes down, the app now hears of it.
        await node.UpdateAsync(id, Items.WithChannels(Items.Everywhere(title: "关于开展冬季火灾防控工作的通告（修订）"), "政府网站", "移动客户端"));
        var all = await node.SettledAsync(id, expected: 5);
        var second = all.Skip(2).ToList();
        Assert.Contains(second, m => m.Channel == ChannelNames.Web && m.Kind == ChangeKind.Updated);
        Assert.Contains(second, m => m.Channel == ChannelNames.App && m.Kind == ChangeKind.Updated);
        Assert.Contains(second, m => m.Channel == ChannelNames.WeChat && m.Kind == ChangeKind.Withdrawn);
        Assert.All(all, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.True(Assert.Single(scenario.WeChat.Articles).Deleted);
    }

    [Fact]
    public async Task Channels_that_are_not_configured_get_no_messages()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await scenario.StartNodeAsync(withWeChat: false, withWebhook: false);
        var id = await node.PublishNewAsync(Items.Everywhere());
        var message = Assert.Single(await node.SettledAsync(id));
        Assert.Equal(ChannelNames.Web, message.Channel);
    }

    [Fact]
    public async Task Content_imported_by_a_recipe_is_history_and_is_not_pushed()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await scenario.StartNodeAsync();
        await node.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<RecipeExecutor>().ApplyAsync([InstalledModules.ReadRecipe(Path.Combine(RepositoryPaths.Recipes, "demo.json"))]);
            return true;
        });

        Assert.True(await node.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ChangeLog.AnyAsync()));
        Assert.Empty(await node.MessagesAsync());

        // Withdrawing an imported item still tells its channels: the app may know it from the change feed.
        var imported = await node.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().ContentVersions
            .Where(v => v.Status == Core.ContentManagement.ContentStatus.Published && v.ContentType == "Disclosure")
            .Select(v => v.Item.ContentItemId).FirstAsync());
        await node.WithdrawAsync(imported, "已过时效");
        var messages = await node.SettledAsync(imported);
        Assert.All(messages, m => Assert.Equal((ChangeKind.Withdrawn, OutboxState.Sent), (m.Kind, m.State)));
        Assert.Contains(messages, m => m.Channel == ChannelNames.Web);
        Assert.Empty(scenario.WeChat.Articles);
    }
}
