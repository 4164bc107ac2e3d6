using System.Net;
using Disclosure.Channels.Outbox;
using Disclosure.Core.Time;
using Disclosure.FakeWeibo;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Channels;

/// <summary>
/// Linking the 政务微博 account over HTTP, as the office does it: 授权 in the admin (role and antiforgery), the fake
/// platform approves and sends the browser back, the callback — reached without the sign-in cookie, as after a
/// navigation from another site — stores the token, and the page shows its expiry; then a publication is posted.
/// </summary>
public sealed class WeiboLinkTests : IAsyncLifetime
{
    private FakeWeiboServer _weibo = null!;
    private DisclosureSite _site = null!;

    public async Task InitializeAsync()
    {
        _weibo = await FakeWeiboServer.StartAsync();
        _weibo.SafeDomain = "www.yongning.gov.cn";
        _site = new DisclosureSite(null, new Dictionary<string, string>
        {
            ["Site:PublicUrl"] = "https://www.yongning.gov.cn",
            ["Channels:Outbox:PollIntervalSeconds"] = "0.2",
            ["Channels:Weibo:BaseUrl"] = _weibo.BaseUrl,
            ["Channels:Weibo:AppKey"] = _weibo.AppKey,
            ["Channels:Weibo:AppSecret"] = _weibo.AppSecret,
            // The test server has no client address to record at 授权: the office's egress address is configured.
            ["Channels:Weibo:Rip"] = "192.0.2.20",
        });
        await Staff.EnsureAsync(_site.Services);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _weibo.DisposeAsync();
    }

    /// <summary>授权 as <paramref name="office"/>: the redirect to the platform, and the sealed state cookie it set.</summary>
    private static async Task<(Uri Authorize, string StateCookie)> StartAsync(HttpClient office)
    {
        var page = await office.GetStringAsync("/admin/outbox/weibo");
        var response = await office.PostAsync("/admin/outbox/weibo?handler=authorise", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["target"] = string.Empty,
            ["__RequestVerificationToken"] = Staff.Token(page),
        }));
        // A page with the link to follow, not a redirect: the admin's CSP (form-action 'self') forbids a form ending on another site.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("disclosure.weibo-state=", StringComparison.Ordinal));
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var link = System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "id=\"weibo-authorise\" href=\"([^\"]+)\"");
        Assert.True(link.Success, "the page offers the platform's authorisation page");
        return (new Uri(WebUtility.HtmlDecode(link.Groups[1].Value)), cookie.Split(';')[0]);
    }

    /// <summary>The browser at the platform: the fake approves and answers with the redirect back to the site.</summary>
    private static async Task<Uri> ApproveAsync(Uri authorize)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        return answer.Headers.Location!;
    }

    /// <summary>Back at the site with nothing but the state cookie (the sign-in cookie is SameSite=Strict).</summary>
    private async Task<HttpResponseMessage> CallbackAsync(Uri callback, string? stateCookie)
    {
        var client = _site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, callback.PathAndQuery);
        if (stateCookie is not null)
        {
            request.Headers.Add("Cookie", stateCookie);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_office_links_the_account_the_page_shows_its_expiry_and_a_publication_is_posted()
    {
        var office = await Staff.SignedInAsync(_site, "office");
        var before = await office.GetStringAsync("/admin/outbox/weibo");
        Assert.Contains("未授权", before);
        Assert.Contains(">授权</button>", before);
        Assert.Contains("政务微博", await office.GetStringAsync("/admin/outbox")); // 未配置 until linked
        Assert.Contains("<td data-channel=\"weibo\"><span class=\"status-Withdrawn\">未配置</span>", await office.GetStringAsync("/admin/outbox"));

        var (authorize, state) = await StartAsync(office);
        Assert.StartsWith(_weibo.BaseUrl + "/oauth2/authorize?client_id=" + _weibo.AppKey, authorize.ToString());
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("http://localhost/channels/weibo/callback"), authorize.ToString());

        var callback = await ApproveAsync(authorize);
        Assert.Equal("/channels/weibo/callback", callback.AbsolutePath);
        var linked = await CallbackAsync(callback, state);
        var linkedPage = await linked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Contains($"已授权（微博 uid {FakeWeiboServer.DefaultUid}）", linkedPage);
        Assert.Single(_weibo.Calls, c => c.Path == "/oauth2/access_token" && c.ErrorCode == 0);

        // The token is stored sealed: the row does not hold it in the clear.
        var row = await InScopeAsync(db => db.Set<ChannelToken>().AsNoTracking().SingleAsync(t => t.Name == "weibo:"));
        Assert.DoesNotContain("2.00", row.Value);
        Assert.DoesNotContain(FakeWeiboServer.DefaultUid, row.Value);

        var after = await office.GetStringAsync("/admin/outbox/weibo");
        Assert.Contains("已授权", after);
        Assert.Contains(FakeWeiboServer.DefaultUid, after);
        Assert.Contains(ChinaTime.ToLocal(row.ExpiresUtc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), after);
        Assert.Contains("还剩 29 天", after);
        Assert.Contains("已授权账号：本机关账号", await office.GetStringAsync("/admin/outbox"));
        Assert.DoesNotContain("weibo-expiry", await office.GetStringAsync("/admin")); // 30 days left: no warning yet

        // A publication now goes to the account; the item's 发布渠道 table shows the post's address.
        string id;
        using (var scope = _site.Services.CreateScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            var data = SampleContent.Notice("关于元旦期间加强道路交通安全管理的通告");
            ((System.Text.Json.Nodes.JsonObject)data.Root["DisclosureMetadataPart"]!)["Channels"] = new System.Text.Json.Nodes.JsonArray("政府网站", "政务微博");
            id = (await manager.CreateAsync("Disclosure", data, "editor", "zhzx", "weibo-linked")).Item.ContentItemId;
            await manager.PublishAsync(id, null, "office");
        }

        await Eventually.HoldsAsync(() => InScopeAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.ContentItemId == id && m.Channel == "weibo" && m.State == OutboxState.Sent)),
            TimeSpan.FromSeconds(90), () => string.Join("\n", InScopeAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ContentItemId == id).ToListAsync()).Result
                .Select(m => $"{m.Channel}/{m.Target} {m.State} {m.Attempts} {m.LastError}")) + "\n" + string.Join("\n", _weibo.Calls.Select(c => $"{c.Path} {c.StatusCode} {c.ErrorCode}")));
        var message = await InScopeAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.ContentItemId == id && m.Channel == "weibo"));
        var post = Assert.Single(_weibo.Posts);
        Assert.Equal(post.Url, message.RemoteUrl);
        Assert.Equal("192.0.2.20", post.Rip);
        var item = await office.GetStringAsync($"/admin/content/{id}");
        Assert.Contains("政务微博", item);
        Assert.Contains($"href=\"{post.Url}\"", item);
    }

    [Fact]
    public async Task A_callback_without_the_state_cookie_or_with_another_state_or_replayed_links_nothing()
    {
        var office = await Staff.SignedInAsync(_site, "office");
        var (authorize, state) = await StartAsync(office);
        var callback = await ApproveAsync(authorize);

        // Someone else's browser (no state cookie) and a forged state are refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await CallbackAsync(callback, null)).StatusCode);
        var forged = new Uri(callback, callback.PathAndQuery.Split("&state=")[0] + "&state=" + new string('0', 48));
        var refused = await CallbackAsync(forged, state);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("授权请求无效", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_weibo.Calls, c => c.Path == "/oauth2/access_token");
        Assert.False(await InScopeAsync(db => db.Set<ChannelToken>().AnyAsync(t => t.Name.StartsWith("weibo:"))));

        // A person who refuses at the platform links nothing either.
        var (again, state2) = await StartAsync(office);
        _weibo.DenyNextAuthorisation();
        var denied = await CallbackAsync(await ApproveAsync(again), state2);
        Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        Assert.Contains("拒绝了授权", await denied.Content.ReadAsStringAsync());

        // Only the 公开办 and 管理员 start a link.
        var editor = await Staff.SignedInAsync(_site, "editor");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin/outbox/weibo")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_warns_seven_days_before_the_authorisation_runs_out()
    {
        _weibo.TokenLifetime = TimeSpan.FromDays(5);
        var office = await Staff.SignedInAsync(_site, "office");
        var (authorize, state) = await StartAsync(office);
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync(await ApproveAsync(authorize), state)).StatusCode);

        var dashboard = await office.GetStringAsync("/admin");
        Assert.Contains("id=\"weibo-expiry\"", dashboard);
        Assert.Contains("政务微博“本机关账号”的授权将于", dashboard);
        Assert.Contains("还剩 4 天", dashboard);
        Assert.Contains("即将过期", await office.GetStringAsync("/admin/outbox/weibo"));
        // An editor, who cannot authorise, is not shown it.
        Assert.DoesNotContain("weibo-expiry", await (await Staff.SignedInAsync(_site, "editor")).GetStringAsync("/admin"));
    }

    private async Task<T> InScopeAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = _site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }
}
