using System.Net;
using System.Text.Json.Nodes;
using Disclosure.Channels.Outbox;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests;

/// <summary>
/// 发布渠道 in the admin: the item page shows each channel's state with the error in zh-CN, the outbox page lists
/// the failures, and the 公开办 retries them — role-protected, with antiforgery.
/// </summary>
public sealed class ChannelAdminTests : IAsyncLifetime
{
    // A webhook endpoint nobody listens on: every push to it fails at once (connection refused).
    private readonly DisclosureSite _site = new(null, new Dictionary<string, string>
    {
        ["Site:PublicUrl"] = "https://www.yongning.gov.cn",
        ["Channels:Outbox:PollIntervalSeconds"] = "0.2",
        ["Channels:Outbox:MaxAttempts"] = "1",
        ["Channels:Webhooks:Endpoints:0:Name"] = "app",
        ["Channels:Webhooks:Endpoints:0:Url"] = "http://127.0.0.1:9/hooks",
        ["Channels:Webhooks:Endpoints:0:Secret"] = "secret",
        // 伊金霍洛旗公安局 has an official account of its own (nothing of its is published here, so nothing is sent to it).
        ["Channels:WeChat:Accounts:0:Agency"] = Staff.OtherAgencyCode,
        ["Channels:WeChat:Accounts:0:AppId"] = "wx15062710300000aa",
        ["Channels:WeChat:Accounts:0:AppSecret"] = "yj-secret",
    });

    private string _id = string.Empty;

    public async Task InitializeAsync()
    {
        await Staff.EnsureAsync(_site.Services);
        using var scope = _site.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var data = SampleContent.Notice("关于元旦期间加强道路交通安全管理的通告");
        ((JsonObject)data.Root["DisclosureMetadataPart"]!)["Channels"] = new JsonArray("政府网站", "移动客户端");
        _id = (await manager.CreateAsync("Disclosure", data, "editor", "zhzx", "channel-admin")).Item.ContentItemId;
        await manager.PublishAsync(_id, null, "office");
        await SettledAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<List<OutboxMessage>> SettledAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var scope = _site.Services.CreateScope();
            var messages = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.ContentItemId == _id).OrderBy(m => m.Id).ToListAsync();
            if (messages.Count == 2 && messages.All(m => m.State != OutboxState.Pending))
            {
                return messages;
            }

            Assert.True(DateTime.UtcNow < deadline, "the outbox did not settle");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task The_item_page_shows_each_channel_with_its_state_and_the_error_in_Chinese()
    {
        var client = await Staff.SignedInAsync(_site, "editor");
        var page = await client.GetStringAsync($"/admin/content/{_id}");

        Assert.Contains("<h2 id=\"channels\">发布渠道</h2>", page);
        Assert.Contains("政府网站", page);
        Assert.Contains("已发送", page);
        Assert.Contains("https://www.yongning.gov.cn/content/channel-admin", page);
        Assert.Contains("移动客户端（app）", page);
        Assert.Contains("失败（已停止重试）", page);
        Assert.Contains("网络错误", page);
        Assert.DoesNotContain("handler=retry", page); // an editor sees the state but does not retry
    }

    [Fact]
    public async Task The_office_sees_the_dead_letter_on_the_outbox_page_and_retries_it()
    {
        var client = await Staff.SignedInAsync(_site, "office");
        var outbox = await client.GetStringAsync("/admin/outbox?dead=true");
        Assert.Contains("失败的推送（1 条）", outbox);
        Assert.Contains("/admin/content/channel-admin", outbox);

        var item = await client.GetStringAsync($"/admin/content/{_id}");
        Assert.Contains("handler=retry", item);
        var dead = (await SettledAsync()).Single(m => m.State == OutboxState.DeadLetter);

        var response = await client.PostAsync("/admin/outbox?handler=retry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = dead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["returnUrl"] = $"/admin/content/{_id}#channels",
            ["__RequestVerificationToken"] = Staff.Token(item),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/content/{_id}#channels", response.Headers.Location!.OriginalString);
        Assert.Contains("已重新排队", await client.GetStringAsync($"/admin/content/{_id}"));

        // It was queued again and tried again (and, the endpoint still being down, failed again).
        using var scope = _site.Services.CreateScope();
        var retried = await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == dead.Id);
        Assert.True(retried.LastAttemptUtc > dead.LastAttemptUtc || retried.State == OutboxState.Pending);
    }

    [Fact]
    public async Task The_outbox_page_says_which_channels_each_agency_has_and_shows_an_agency_its_own_only()
    {
        var client = await Staff.SignedInAsync(_site, "office");
        var page = await client.GetStringAsync("/admin/outbox");

        // The office of 永宁县公安局 sees its own agency's row: the site, no official account, the app's endpoint.
        Assert.Contains("渠道配置", page);
        var own = Row(page, "640121-103");
        Assert.Contains("永宁县公安局（本机关）", own);
        Assert.Matches(@"data-channel=""web""><span[^>]*>已配置</span>", own);
        Assert.Matches(@"data-channel=""wechat""><span[^>]*>未配置</span>", own);
        Assert.Matches(@"data-channel=""app""><span[^>]*>已配置</span>（推送地址：app）", own);
        Assert.Contains("微信公众号未配置的机构（永宁县公安局）：不推送这些机构的任何信息，也不借用上级机构的微信公众号。管理员在配置中设置 Channels:WeChat:Accounts", page);
        Assert.DoesNotContain("data-agency=\"150627-103\"", page);
        Assert.Contains("失败的推送（1 条）", page);

        // 伊金霍洛旗公安局's office sees its own account, not the other agency's failed delivery, and cannot retry it.
        var yj = await Staff.SignedInAsync(_site, "office-yj");
        var theirs = await yj.GetStringAsync("/admin/outbox");
        var row = Row(theirs, Staff.OtherAgencyCode);
        Assert.Contains("伊金霍洛旗公安局", row);
        Assert.Matches(@"data-channel=""wechat""><span[^>]*>已配置</span>（公众号 AppId：wx15062710300000aa）", row);
        Assert.Matches(@"data-channel=""app""><span[^>]*>未配置</span>", row);
        Assert.DoesNotContain("data-agency=\"640121-103\"", theirs);
        Assert.Contains("失败的推送（0 条）", theirs);
        Assert.DoesNotContain("channel-admin", theirs);

        var dead = (await SettledAsync()).Single(m => m.State == OutboxState.DeadLetter);
        var refused = await yj.PostAsync("/admin/outbox?handler=retry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = dead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = Staff.Token(theirs),
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("该推送消息不存在", await refused.Content.ReadAsStringAsync());
    }

    /// <summary>One agency's row of the 渠道配置 table.</summary>
    private static string Row(string page, string agency)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, $@"<tr data-agency=""{agency}"">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, $"no row for {agency}");
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task An_item_bound_for_an_unconfigured_channel_says_so_in_its_channel_table()
    {
        // 公开方式 left empty: the item goes to all of its type's channels, WeChat among them.
        using (var scope = _site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>()
                .CreateAsync("Disclosure", SampleContent.Notice("关于春节期间烟花爆竹燃放管理的通告"), "editor", "zhzx", "everywhere");
        }

        var client = await Staff.SignedInAsync(_site, "editor");
        var everywhere = await client.GetStringAsync("/admin/content/everywhere");
        Assert.Contains("<h2 id=\"channels\">发布渠道</h2>", everywhere);
        Assert.Matches(@"<td>微信公众号</td>\s*<td></td>\s*<td>未配置</td>\s*<td colspan=""5"">本条信息不会推送到该渠道：发布机构永宁县公安局未配置微信公众号（不借用上级机构的）。", everywhere);
        Assert.DoesNotMatch(@"<td>移动客户端</td>\s*<td></td>\s*<td>未配置</td>", everywhere);

        // The item that opted out of WeChat has nothing to say about it.
        Assert.DoesNotContain("未配置", await client.GetStringAsync($"/admin/content/{_id}"));
    }

    [Fact]
    public async Task A_retry_without_the_antiforgery_token_is_refused()
    {
        var client = await Staff.SignedInAsync(_site, "office");
        var dead = (await SettledAsync()).Single(m => m.State == OutboxState.DeadLetter);
        var response = await client.PostAsync("/admin/outbox?handler=retry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = dead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OutboxState.DeadLetter, (await SettledAsync()).Single(m => m.Id == dead.Id).State);
    }

    [Theory]
    [InlineData("editor")]
    [InlineData("leader")]
    public async Task Only_the_office_and_administrators_open_the_outbox_page(string user)
    {
        var client = await Staff.SignedInAsync(_site, user);
        var response = await client.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/denied", response.Headers.Location!.PathAndQuery);
    }
}
