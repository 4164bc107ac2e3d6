using System.Text.Json.Nodes;
using Disclosure.Channels.Outbox;
using Disclosure.Channels.Tests.Support;
using Disclosure.Channels.WeChat;
using Disclosure.Channels.Webhooks;
using Disclosure.Core.Channels;
using Disclosure.Core.Security;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Tests;

/// <summary>
/// Channels per agency (集约化): each agency's items go to its own official account and webhooks and no other's; an
/// agency without an account of its own gets no WeChat delivery (nothing is inherited from the parent agency).
/// </summary>
public sealed class PerAgencyChannelTests
{
    private const string Own = SampleContent.Agency;         // 永宁县公安局, the installation's own agency
    private const string AgencyA = "150627-103";             // 伊金霍洛旗公安局
    private const string AgencyB = "150602-103";             // 鄂尔多斯市公安局东胜区分局
    private const string AppA = "wxa000000000000001";
    private const string AppB = "wxb000000000000002";

    private static ContentData Of(string agency, string title)
    {
        var data = Items.Everywhere(title: title);
        ((JsonObject)data.Root["DisclosureMetadataPart"]!)["Agency"] = agency;
        return data;
    }

    /// <summary>Two agencies with an account and an endpoint each on the fake platform; nothing for the own agency.</summary>
    private static Action<Dictionary<string, string?>> TwoAgencies(WebhookReceiver second) => s =>
    {
        s["Channels:WeChat:AppId"] = null;
        s["Channels:WeChat:AppSecret"] = null;
        s["Channels:WeChat:Accounts:0:Agency"] = AgencyA;
        s["Channels:WeChat:Accounts:0:AppId"] = AppA;
        s["Channels:WeChat:Accounts:0:AppSecret"] = "secret-a";
        s["Channels:WeChat:Accounts:1:Agencies:0"] = AgencyB;
        s["Channels:WeChat:Accounts:1:AppId"] = AppB;
        s["Channels:WeChat:Accounts:1:AppSecret"] = "secret-b";
        s["Channels:Webhooks:Endpoints:0:Name"] = "app-a";
        s["Channels:Webhooks:Endpoints:0:Agency"] = AgencyA;
        s["Channels:Webhooks:Endpoints:1:Name"] = "app-b";
        s["Channels:Webhooks:Endpoints:1:Url"] = second.Url;
        s["Channels:Webhooks:Endpoints:1:Secret"] = WebhookReceiver.Secret;
        s["Channels:Webhooks:Endpoints:1:Agency"] = AgencyB;
    };

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Each_agency_s_items_reach_its_own_account_and_webhook_only(DatabaseProvider provider)
    {
        await using var scenario = await Scenario.StartAsync(provider);
        await using var second = await WebhookReceiver.StartAsync();
        scenario.WeChat.AddApp(AppA, "secret-a");
        scenario.WeChat.AddApp(AppB, "secret-b");
        var node = await scenario.StartNodeAsync(TwoAgencies(second));

        var a = await node.PublishNewAsync(Of(AgencyA, "伊金霍洛旗公安局关于冬季防火的通告"));
        var b = await node.PublishNewAsync(Of(AgencyB, "东胜区分局关于冬季防火的通告"));
        var own = await node.PublishNewAsync(Of(Own, "永宁县公安局关于冬季防火的通告"));

        var toA = await node.SettledAsync(a, expected: 3);
        Assert.Equal(["app/app-a", "web/", $"wechat/{AppA}"], toA.Select(m => $"{m.Channel}/{m.Target}").Order(StringComparer.Ordinal));
        Assert.All(toA, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Equal($"wechat/{AppA}/{a}", toA.Single(m => m.Channel == ChannelNames.WeChat).Stream); // progress and resume per account
        var shown = await node.InScopeAsync(sp => sp.GetRequiredService<OutboxStatusQuery>().ForItemAsync(a, CancellationToken.None));
        Assert.Contains($"微信公众号（伊金霍洛旗公安局，{AppA}）", shown.Select(x => x.ChannelName)); // whose account it went to
        Assert.Contains("移动客户端（app-a）", shown.Select(x => x.ChannelName));

        // The admin counts each agency's staff their agency's deliveries only; the installation's own staff all of them.
        Task<int> Sent(string? agency) => node.InScopeAsync(sp => sp.GetRequiredService<OutboxStatusQuery>()
            .CountAsync(new Actor("office", new HashSet<string>()) { AgencyCode = agency }, OutboxState.Sent, CancellationToken.None));
        await node.SettledAsync(own, expected: 1);
        await node.SettledAsync(b, expected: 3);
        Assert.Equal(3, await Sent(AgencyA));
        Assert.Equal(3, await Sent(AgencyB));
        Assert.Equal(1, await Sent(Own));
        Assert.Equal(7, await Sent(null));

        var toB = await node.SettledAsync(b, expected: 3);
        Assert.Equal(["app/app-b", "web/", $"wechat/{AppB}"], toB.Select(m => $"{m.Channel}/{m.Target}").Order(StringComparer.Ordinal));
        Assert.All(toB, m => Assert.Equal(OutboxState.Sent, m.State));

        // The own agency has neither an account nor an endpoint here: its item is on the site only.
        var toOwn = await node.SettledAsync(own, expected: 1);
        Assert.Equal([ChannelNames.Web], toOwn.Select(m => m.Channel));

        // Each article is on its agency's account, published with that account's token.
        Assert.Equal(2, scenario.WeChat.Articles.Count);
        Assert.Equal(AppA, scenario.WeChat.Articles.Single(x => x.Title.StartsWith("伊金霍洛旗", StringComparison.Ordinal)).AppId);
        Assert.Equal(AppB, scenario.WeChat.Articles.Single(x => x.Title.StartsWith("东胜区", StringComparison.Ordinal)).AppId);
        Assert.Equal(toA.Single(m => m.Channel == ChannelNames.WeChat).RemoteId, scenario.WeChat.Articles.Single(x => x.AppId == AppA).ArticleId);
        var drafts = scenario.WeChat.Calls.Where(c => c.Path == "/cgi-bin/draft/add").ToList();
        Assert.Equal([AppA, AppB], drafts.Select(c => c.AppId!).Order(StringComparer.Ordinal));
        Assert.Equal("伊金霍洛旗公安局", JsonNode.Parse(drafts.Single(c => c.AppId == AppA).Body!)!["articles"]![0]!["author"]!.ToString()); // the item's 发布机构

        // Each webhook heard of its agency's item only.
        var hookA = Assert.Single(scenario.Receiver.Received);
        Assert.Equal(a, hookA.Json["contentItemId"]!.ToString());
        var hookB = Assert.Single(second.Received);
        Assert.Equal(b, hookB.Json["contentItemId"]!.ToString());

        // A token per AppId, each fetched once and stored under its own name.
        var tokenCalls = scenario.WeChat.Calls.Where(c => c.Path == "/cgi-bin/stable_token").ToList();
        Assert.Equal([AppA, AppB], tokenCalls.Select(c => c.AppId!).Order(StringComparer.Ordinal));
        var tokens = await node.InScopeAsync(sp => sp.GetRequiredService<DisclosureDbContext>().Set<ChannelToken>().AsNoTracking().Select(t => t.Name).ToListAsync());
        Assert.Equal([$"wechat:{AppA}", $"wechat:{AppB}"], tokens.Order(StringComparer.Ordinal));

        // A withdrawal follows the stream to the account the article is on (the fake refuses another account's delete).
        await node.WithdrawAsync(a, "已过时");
        var withdrawn = await node.SettledAsync(a, expected: 6);
        Assert.All(withdrawn, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.True(scenario.WeChat.Articles.Single(x => x.AppId == AppA).Deleted);
        Assert.False(scenario.WeChat.Articles.Single(x => x.AppId == AppB).Deleted);
        Assert.Equal(2, scenario.Receiver.Received.Count);
        Assert.Single(second.Received);
    }

    [Fact]
    public async Task An_update_that_moves_an_item_to_another_agency_takes_it_down_from_the_first_agency_s_account()
    {
        await using var scenario = await Scenario.StartAsync();
        await using var second = await WebhookReceiver.StartAsync();
        scenario.WeChat.AddApp(AppA, "secret-a");
        scenario.WeChat.AddApp(AppB, "secret-b");
        var node = await scenario.StartNodeAsync(TwoAgencies(second));
        var id = await node.PublishNewAsync(Of(AgencyA, "关于冬季防火的通告"));
        await node.SettledAsync(id, expected: 3);

        await node.UpdateAsync(id, Of(AgencyB, "关于冬季防火的通告"));
        var messages = await node.SettledAsync(id, expected: 8);

        // The update goes to B's targets; A's account and endpoint get the withdrawal.
        var update = messages.Skip(3).Select(m => $"{m.Channel}/{m.Target}/{m.Kind}").Order(StringComparer.Ordinal);
        Assert.Equal(["app/app-a/Withdrawn", "app/app-b/Updated", "web//Updated", $"wechat/{AppA}/Withdrawn", $"wechat/{AppB}/Updated"], update);
        Assert.All(messages, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.True(scenario.WeChat.Articles.Single(x => x.AppId == AppA).Deleted);
        Assert.False(scenario.WeChat.Articles.Single(x => x.AppId == AppB).Deleted);
        Assert.Equal(["published", "withdrawn"], scenario.Receiver.Received.Select(r => r.Event));
        Assert.Equal("updated", Assert.Single(second.Received).Event);
    }

    [Fact]
    public async Task The_setup_says_which_agency_has_which_account_and_which_has_none()
    {
        await using var scenario = await Scenario.StartAsync();
        await using var second = await WebhookReceiver.StartAsync();
        var node = await scenario.StartNodeAsync(TwoAgencies(second));

        var setup = await node.InScopeAsync(sp => sp.GetRequiredService<ChannelSetup>().ByAgencyAsync(null, CancellationToken.None));
        ChannelSetupState State(string agency, string channel) => setup.Single(s => s.Agency.Code == agency).Channels.Single(c => c.Channel == channel);

        Assert.True(setup.Single(s => s.Agency.Code == Own).IsOwn);
        Assert.Equal("未配置", State(Own, ChannelNames.WeChat).StateName);
        Assert.Equal("未配置", State(Own, ChannelNames.App).StateName);
        Assert.Equal("已配置", State(Own, ChannelNames.Web).StateName);
        Assert.Equal("已配置", State(AgencyA, ChannelNames.WeChat).StateName);
        Assert.Equal($"公众号 AppId：{AppA}", State(AgencyA, ChannelNames.WeChat).TargetNames);
        Assert.Equal("推送地址：app-b", State(AgencyB, ChannelNames.App).TargetNames);
        // 鄂尔多斯市公安局 is the parent of both and has nothing of its own: it borrows nothing, and lends nothing.
        Assert.Equal("未配置", State("150600-103", ChannelNames.WeChat).StateName);
        Assert.Contains("Agency 为 150600-103", State("150600-103", ChannelNames.WeChat).ConfigurationKeys);

        // Staff of one agency are shown their agency only.
        var mine = await node.InScopeAsync(sp => sp.GetRequiredService<ChannelSetup>().ByAgencyAsync(AgencyA, CancellationToken.None));
        Assert.Equal([AgencyA], mine.Select(s => s.Agency.Code));
    }

    [Fact]
    public async Task The_single_account_keys_are_the_own_agency_s_and_carry_no_other_agency_s_items()
    {
        await using var scenario = await Scenario.StartAsync();
        var node = await scenario.StartNodeAsync(); // the legacy settings: Channels:WeChat:AppId and one endpoint without an agency

        var own = await node.PublishNewAsync(Of(Own, "永宁县公安局关于冬季防火的通告"));
        var other = await node.PublishNewAsync(Of(AgencyA, "伊金霍洛旗公安局关于冬季防火的通告"));

        var toOwn = await node.SettledAsync(own, expected: 3);
        Assert.Equal(["app/app", "web/", "wechat/"], toOwn.Select(m => $"{m.Channel}/{m.Target}").Order(StringComparer.Ordinal));
        Assert.All(toOwn, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.Equal($"wechat//{own}", toOwn.Single(m => m.Channel == ChannelNames.WeChat).Stream); // the streams written before agencies continue

        var toOther = await node.SettledAsync(other, expected: 1);
        Assert.Equal([ChannelNames.Web], toOther.Select(m => m.Channel));
        Assert.Equal(FakeWeChat.FakeWeChatServer.DefaultAppId, Assert.Single(scenario.WeChat.Articles).AppId);
        Assert.Single(scenario.Receiver.Received);
    }

    [Fact]
    public async Task An_item_of_an_agency_with_its_own_account_goes_there_even_when_the_own_agency_uses_the_single_account_keys()
    {
        await using var scenario = await Scenario.StartAsync();
        scenario.WeChat.AddApp(AppA, "secret-a");
        var node = await scenario.StartNodeAsync(s =>
        {
            s["Channels:WeChat:Accounts:0:Agency"] = AgencyA;
            s["Channels:WeChat:Accounts:0:AppId"] = AppA;
            s["Channels:WeChat:Accounts:0:AppSecret"] = "secret-a";
            s["Channels:Webhooks:Endpoints:0:Agencies:0"] = "*"; // the platform's app hears of every agency's items
        });

        var own = await node.PublishNewAsync(Of(Own, "永宁县公安局关于冬季防火的通告"));
        var other = await node.PublishNewAsync(Of(AgencyA, "伊金霍洛旗公安局关于冬季防火的通告"));

        Assert.Equal(["app/app", "web/", "wechat/"], (await node.SettledAsync(own, expected: 3)).Select(m => $"{m.Channel}/{m.Target}").Order(StringComparer.Ordinal));
        Assert.Equal(["app/app", "web/", $"wechat/{AppA}"], (await node.SettledAsync(other, expected: 3)).Select(m => $"{m.Channel}/{m.Target}").Order(StringComparer.Ordinal));
        Assert.Equal([FakeWeChat.FakeWeChatServer.DefaultAppId, AppA], scenario.WeChat.Articles.Select(x => x.AppId!).Order(StringComparer.Ordinal));
        Assert.Equal(2, scenario.Receiver.Received.Count);
    }

    /// <summary>What the site checks when it starts (ValidateOnStart), without starting one.</summary>
    private static Exception? StartUpError(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        new ChannelsModule().ConfigureServices(services);
        using var provider = services.BuildServiceProvider();
        return Record.Exception(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void A_duplicate_agency_stops_the_site_with_a_message_naming_it()
    {
        var error = StartUpError(new()
        {
            ["Channels:WeChat:Accounts:0:Agency"] = AgencyA,
            ["Channels:WeChat:Accounts:0:AppId"] = AppA,
            ["Channels:WeChat:Accounts:0:AppSecret"] = "a",
            ["Channels:WeChat:Accounts:1:Agencies:0"] = AgencyB,
            ["Channels:WeChat:Accounts:1:Agencies:1"] = AgencyA,
            ["Channels:WeChat:Accounts:1:AppId"] = AppB,
            ["Channels:WeChat:Accounts:1:AppSecret"] = "b",
        });
        var failed = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains($"Channels:WeChat:Accounts:1：机构 {AgencyA} 已由 Channels:WeChat:Accounts:0 配置", failed.Message);
    }

    [Theory]
    [InlineData("Channels:WeChat:Accounts:0:AppSecret", null, "Channels:WeChat:Accounts:0：须设置 AppId 与 AppSecret")]
    [InlineData("Channels:WeChat:Accounts:0:Agency", null, "Channels:WeChat:Accounts:0：须用 Agency（或 Agencies）指明")]
    [InlineData("Channels:WeChat:Accounts:0:Agency", "*", "不能用“*”")]
    [InlineData("Channels:WeChat:AppId", "wx-own-only", "Channels:WeChat:AppId 与 Channels:WeChat:AppSecret 须同时设置")]
    public void An_incomplete_account_stops_the_site(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Channels:WeChat:Accounts:0:Agency"] = AgencyA,
            ["Channels:WeChat:Accounts:0:AppId"] = AppA,
            ["Channels:WeChat:Accounts:0:AppSecret"] = "a",
        };
        Assert.Null(StartUpError(settings));

        settings[key] = value;
        Assert.Contains(message, Assert.IsType<OptionsValidationException>(StartUpError(settings)).Message);
    }

    [Fact]
    public void An_account_configured_twice_stops_the_site()
    {
        var error = StartUpError(new()
        {
            ["Channels:WeChat:AppId"] = AppA,
            ["Channels:WeChat:AppSecret"] = "a",
            ["Channels:WeChat:Accounts:0:Agency"] = AgencyA,
            ["Channels:WeChat:Accounts:0:AppId"] = AppA,
            ["Channels:WeChat:Accounts:0:AppSecret"] = "a",
        });
        Assert.Contains($"Channels:WeChat:Accounts:0：AppId“{AppA}”与 Channels:WeChat:AppId 重复", Assert.IsType<OptionsValidationException>(error).Message);
    }

    [Fact]
    public void A_misspelt_key_or_a_duplicate_endpoint_stops_the_site()
    {
        var misspelt = StartUpError(new()
        {
            ["Channels:WeChat:Accounts:0:Agncy"] = AgencyA,
            ["Channels:WeChat:Accounts:0:AppId"] = AppA,
            ["Channels:WeChat:Accounts:0:AppSecret"] = "a",
        });
        Assert.NotNull(misspelt);
        Assert.Contains("Agncy", misspelt.ToString());

        var duplicate = StartUpError(new()
        {
            ["Channels:Webhooks:Endpoints:0:Name"] = "app",
            ["Channels:Webhooks:Endpoints:0:Url"] = "https://app.example.cn/hooks",
            ["Channels:Webhooks:Endpoints:1:Name"] = "app",
            ["Channels:Webhooks:Endpoints:1:Url"] = "https://other.example.cn/hooks",
            ["Channels:Webhooks:Endpoints:1:Agency"] = AgencyA,
        });
        Assert.Contains("Channels:Webhooks:Endpoints:1：名称“app”与 Channels:Webhooks:Endpoints:0 重复", Assert.IsType<OptionsValidationException>(duplicate).Message);

        // The legacy shapes are fine: the single account, an endpoint without an agency, nothing at all.
        Assert.Null(StartUpError(new()
        {
            ["Channels:WeChat:AppId"] = AppA,
            ["Channels:WeChat:AppSecret"] = "a",
            ["Channels:Webhooks:Endpoints:0:Name"] = "app",
            ["Channels:Webhooks:Endpoints:0:Url"] = "https://app.example.cn/hooks",
            ["Channels:Webhooks:Endpoints:0:Secret"] = "s",
        }));
        Assert.Null(StartUpError([]));
    }

    [Fact]
    public void A_target_serves_the_agencies_it_names_the_own_agency_when_it_names_none_and_every_agency_with_a_star()
    {
        Assert.True(ChannelTarget.For("x", [AgencyA]).Serves(AgencyA, Own));
        Assert.False(ChannelTarget.For("x", [AgencyA]).Serves(Own, Own));
        Assert.False(ChannelTarget.For("x", [AgencyA]).Serves("150600-103", Own)); // the parent borrows nothing
        Assert.True(ChannelTarget.For("x", []).Serves(Own, Own));
        Assert.False(ChannelTarget.For("x", []).Serves(AgencyA, Own));
        Assert.True(ChannelTarget.For("x", [" * "]).Serves(AgencyB, Own));

        var options = new WebhookOptions { Endpoints = [new WebhookEndpoint { Name = "n", Url = "https://x", Agency = AgencyA, Agencies = [AgencyB, AgencyA] }] };
        Assert.Equal([AgencyA, AgencyB], options.Endpoints[0].AgencyCodes());
        var wechat = new WeChatOptions { AppId = "wxown", AppSecret = "s", Accounts = [new WeChatAccountOptions { Agency = AgencyA, AppId = AppA, AppSecret = "a" }] };
        Assert.Equal(["", AppA], wechat.AllAccounts().Select(x => x.Target));
        Assert.Equal(["wechat:wxown", $"wechat:{AppA}"], wechat.AllAccounts().Select(x => x.TokenName));
    }
}
