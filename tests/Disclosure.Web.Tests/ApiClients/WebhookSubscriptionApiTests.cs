using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Disclosure.ApiClients;
using Disclosure.ApiClients.Data;
using Disclosure.Channels.Outbox;
using Disclosure.Channels.Webhooks;
using Disclosure.Contents.Review;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Web.Tests.Enforcement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.ApiClients;

/// <summary>
/// The demo site with a configured app endpoint (<c>app</c>) and the dispatcher running; subscriptions may name this
/// machine (the receivers listen on loopback), as on an intranet installation.
/// </summary>
public sealed class WebhookSubscriptionSite : IAsyncLifetime
{
    public WebhookSubscriptionSite()
    {
        Configured = new NoticeReceiver();
        Site = new DisclosureSite(null, new Dictionary<string, string>
        {
            ["Site:PublicUrl"] = "https://www.yongning.gov.cn",
            ["Channels:Outbox:PollIntervalSeconds"] = "0.2",
            ["Channels:Outbox:MaxAttempts"] = "1",
            ["Channels:Webhooks:Endpoints:0:Name"] = "app",
            ["Channels:Webhooks:Endpoints:0:Url"] = Configured.Url,
            ["Channels:Webhooks:Endpoints:0:Secret"] = "configured-secret",
            ["Channels:Webhooks:AllowPrivateSubscriptionAddresses"] = "true",
        });
    }

    public DisclosureSite Site { get; }

    public NoticeReceiver Configured { get; }

    public async Task InitializeAsync() => await Staff.EnsureAsync(Site.Services);

    public async Task<T> DbAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }

    /// <summary>Publishes a new item of the own agency (640121-103) to the site and the app, as the 公开办 would.</summary>
    public async Task<string> PublishAsync(string title)
    {
        using var scope = Site.Services.CreateScope();
        var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
        var data = SampleContent.Notice(title);
        ((JsonObject)data.Root["DisclosureMetadataPart"]!)["Channels"] = new JsonArray("政府网站", "移动客户端");
        var id = "wh-" + Guid.NewGuid().ToString("n")[..12];
        await manager.CreateAsync("Disclosure", data, "editor", "zhzx", id);
        await manager.PublishAsync(id, null, "office");
        return id;
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        Configured.Dispose();
    }
}

/// <summary>
/// 推送订阅 through the API: a client subscribes its agency's app endpoint and gets the agency's publications signed
/// with the secret it was given once; the subscriptions are its agency's alone, guarded by the scope, refused when the
/// address or name is wrong, recorded in the 台账 as the client's doing, and a deleted one gets nothing more.
/// </summary>
public sealed class WebhookSubscriptionApiTests(WebhookSubscriptionSite fixture) : IClassFixture<WebhookSubscriptionSite>
{
    private const string Agency = "640121-103";

    private async Task<HttpClient> ClientAsync(string name, string agency = Agency, params string[] scopes)
    {
        var registered = agency == Agency
            ? await RegisteredClient.RegisterAsync(fixture.Site.Services, name, null, scopes.Length == 0 ? [ApiScopes.ManageWebhooks] : scopes)
            : await RegisteredClient.RegisterInAsync(fixture.Site.Services, agency, name, null, scopes.Length == 0 ? [ApiScopes.ManageWebhooks] : scopes);
        return RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(fixture.Site.CreateClient()));
    }

    private static async Task<string> ClientIdAsync(HttpClient api) => (string)(await api.GetFromJsonAsync<JsonObject>("/api/v1/client"))!["clientId"]!;

    private static HttpRequestMessage Create(string name, string url, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/webhooks") { Content = JsonContent.Create(new { name, url }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private Task<int> SubscriptionCountAsync() => fixture.DbAsync(db => db.Set<WebhookSubscription>().CountAsync());

    private static async Task<(string Event, JsonObject Body, bool SignedWithSecret)> ReceivedAsync(NoticeReceiver receiver, string itemId, string secret)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            foreach (var (eventName, timestamp, signature, body) in receiver.Received)
            {
                var json = System.Text.Json.Nodes.JsonNode.Parse(Encoding.UTF8.GetString(body))!.AsObject();
                if ((string?)json["contentItemId"] == itemId)
                {
                    return (eventName!, json, WebhookSignature.Verify(secret, timestamp, signature, body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no delivery of {itemId} arrived");
            await Task.Delay(100);
        }
    }

    private async Task<OutboxMessage> SettledAsync(string itemId, string target)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var message = await fixture.DbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.ContentItemId == itemId && m.Target == target));
            if (message is { State: not OutboxState.Pending })
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the message of {itemId} to {target} did not settle");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_client_subscribes_and_a_published_item_reaches_it_signed_with_the_secret_it_was_given_once()
    {
        using var receiver = new NoticeReceiver();
        using var api = await ClientAsync("移动政务应用");
        var clientId = await ClientIdAsync(api);
        var before = await SubscriptionCountAsync();

        using var created = await api.SendAsync(Create("yongning-app", receiver.Url, "subscribe-yongning-app"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (long)body["id"]!;
        var secret = (string)body["secret"]!;
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(Agency, (string?)body["agency"]);
        Assert.Equal(clientId, (string?)body["createdBy"]);
        Assert.Equal($"/api/v1/webhooks/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("\"v1\"", created.Headers.ETag!.Tag);

        // The retry of a create whose answer was lost replays it (secret included) and subscribes nothing more.
        using (var replayed = await api.SendAsync(Create("yongning-app", receiver.Url, "subscribe-yongning-app")))
        {
            Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
            Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(id, (long)(await replayed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }

        Assert.Equal(before + 1, await SubscriptionCountAsync());

        // Neither the list nor the subscription itself shows the secret again.
        var listed = await api.GetStringAsync("/api/v1/webhooks");
        Assert.Contains("yongning-app", listed);
        Assert.DoesNotContain(secret, listed);
        Assert.DoesNotContain("secret", listed, StringComparison.OrdinalIgnoreCase);
        var one = await api.GetStringAsync($"/api/v1/webhooks/{id}");
        Assert.DoesNotContain(secret, one);
        using (var scope = fixture.Site.Services.CreateScope())
        {
            // Kept sealed, yet readable for signing.
            var row = await fixture.DbAsync(db => db.Set<WebhookSubscription>().SingleAsync(s => s.Id == id));
            Assert.Equal(secret, scope.ServiceProvider.GetRequiredService<WebhookSubscriptions>().SecretOf(row));
        }

        Assert.DoesNotContain(secret, await fixture.DbAsync(db => db.Set<WebhookSubscription>().Where(s => s.Id == id).Select(s => s.ProtectedSecret).SingleAsync()));
        // Nor is it readable in the answer kept for the idempotent retry.
        var kept = await fixture.DbAsync(db => db.Set<IdempotentRequestRecord>().Select(r => r.Body).ToListAsync());
        Assert.NotEmpty(kept);
        Assert.All(kept, body => Assert.DoesNotContain(secret, body ?? string.Empty));

        // The agency's next publication goes to the subscription, signed with that secret, beside the configured endpoint.
        var itemId = await fixture.PublishAsync("关于移动政务应用推送测试的通告");
        var (eventName, payload, signed) = await ReceivedAsync(receiver, itemId, secret);
        Assert.Equal("published", eventName);
        Assert.True(signed, "the delivery is signed with the secret returned on creation");
        Assert.Equal("关于移动政务应用推送测试的通告", (string?)payload["title"]);
        Assert.Equal(OutboxState.Sent, (await SettledAsync(itemId, "yongning-app")).State);
        await ReceivedAsync(fixture.Configured, itemId, "configured-secret");

        // The 台账 names the client as the one who subscribed.
        var ledger = await fixture.DbAsync(db => db.Ledger.Where(e => e.ContentItemId == $"webhook:{id}").Select(e => new { e.Actor, e.Action, e.Detail }).ToListAsync());
        var entry = Assert.Single(ledger);
        Assert.Equal($"api:{clientId}", entry.Actor);
        Assert.Equal(WebhookLedgerActions.Created, entry.Action);
        Assert.Contains("yongning-app", entry.Detail!);

        // 发布渠道 shows the subscription, and who made it, to the 公开办.
        var office = await Staff.SignedInAsync(fixture.Site, "office");
        var page = await office.GetStringAsync("/admin/outbox");
        Assert.Contains("data-subscription=\"yongning-app\"", page);
        Assert.Contains("接口客户端“移动政务应用”", page);
        Assert.DoesNotContain(secret, page);

        // The 台账 page names the subscription, not its number, and the client as who did it.
        var ledgerPage = System.Net.WebUtility.HtmlDecode(await office.GetStringAsync("/admin/ledger"));
        Assert.Contains("<a href=\"/admin/outbox\">推送订阅“yongning-app”</a>", ledgerPage);
    }

    [Fact]
    public async Task Another_agencys_client_gets_404_and_a_client_without_the_scope_gets_403()
    {
        using var receiver = new NoticeReceiver();
        using var api = await ClientAsync("本局应用");
        using var created = await api.SendAsync(Create("own-agency-app", receiver.Url));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        using var other = await ClientAsync("伊旗应用", Staff.OtherAgencyCode);
        using (var read = await other.GetAsync($"/api/v1/webhooks/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            Assert.Contains("不属于本客户端所属的机构", await read.Content.ReadAsStringAsync());
        }

        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(new { url = "https://evil.example.com/hooks" }) })
        {
            put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v1\""));
            using var changed = await other.SendAsync(put);
            Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
        }

        using (var deleted = await other.DeleteAsync($"/api/v1/webhooks/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        }

        using (var rotated = await other.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, rotated.StatusCode);
        }

        Assert.DoesNotContain("own-agency-app", await other.GetStringAsync("/api/v1/webhooks"));
        Assert.Equal(receiver.Url, await fixture.DbAsync(db => db.Set<WebhookSubscription>().Where(s => s.Id == id).Select(s => s.Url).SingleAsync()));

        using var drafting = await ClientAsync("办公自动化系统", Agency, ApiScopes.WriteContent);
        using var refused = await drafting.GetAsync("/api/v1/webhooks");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(ApiScopes.ManageWebhooks, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_address_or_a_taken_name_is_refused_with_422_in_Chinese_and_nothing_is_written()
    {
        using var api = await ClientAsync("地址有误的应用");
        var before = await SubscriptionCountAsync();
        var ledgerBefore = await fixture.DbAsync(db => db.Ledger.CountAsync());

        foreach (var url in new[] { "ftp://app.example.gov.cn/hooks", "not an address", "https://user:pass@app.example.gov.cn/hooks" })
        {
            using var refused = await api.SendAsync(Create("bad-url-app", url));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("推送订阅未保存：内容有误", (string?)problem["title"]);
            Assert.Contains("推送地址", (string?)problem["errors"]!["url"]![0]);
        }

        // "app" is the site's configured endpoint: a subscription may not take its place in the outbox (nor "APP").
        foreach (var name in new[] { "app", "APP" })
        {
            using var clash = await api.SendAsync(Create(name, "https://app.example.gov.cn/hooks"));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, clash.StatusCode);
            Assert.Contains("已是站点配置的推送地址", await clash.Content.ReadAsStringAsync());
        }

        using (var badName = await api.SendAsync(Create("移动 应用", "https://app.example.gov.cn/hooks")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, badName.StatusCode);
            Assert.Contains("字母、数字", await badName.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await SubscriptionCountAsync());
        Assert.Equal(ledgerBefore, await fixture.DbAsync(db => db.Ledger.CountAsync()));
    }

    [Fact]
    public void Without_the_intranet_setting_only_public_https_addresses_are_accepted()
    {
        Assert.Null(WebhookUrls.Problem("https://app.example.gov.cn/hooks/disclosure", allowPrivate: false, out _));
        Assert.Contains("https", WebhookUrls.Problem("http://app.example.gov.cn/hooks", allowPrivate: false, out _)!);
        foreach (var url in new[] { "https://127.0.0.1/hooks", "https://localhost/hooks", "https://10.1.2.3/hooks", "https://192.168.1.10/hooks",
                     "https://169.254.169.254/latest/meta-data", "https://[::1]/hooks", "https://[fd00::1]/hooks", "https://172.20.0.1/hooks" })
        {
            Assert.Contains("本机或内网地址", WebhookUrls.Problem(url, allowPrivate: false, out _)!);
        }

        Assert.Null(WebhookUrls.Problem("http://10.1.2.3:8080/hooks", allowPrivate: true, out _));
        Assert.True(WebhookUrls.IsPublic(IPAddress.Parse("202.96.128.86")));
        Assert.False(WebhookUrls.IsPublic(IPAddress.Parse("::ffff:10.0.0.1")));
    }

    [Fact]
    public async Task Changes_need_If_Match_and_a_deleted_subscription_gets_nothing_more()
    {
        using var receiver = new NoticeReceiver();
        using var api = await ClientAsync("即将停用的应用");
        using var created = await api.SendAsync(Create("retiring-app", receiver.Url));
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (long)body["id"]!;
        var secret = (string)body["secret"]!;

        // 修改: If-Match required, a stale one loses.
        using (var noPrecondition = await api.PutAsJsonAsync($"/api/v1/webhooks/{id}", new { url = receiver.Url, active = true }))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noPrecondition.StatusCode);
        }

        using (var rotate = await api.PostAsync($"/api/v1/webhooks/{id}/rotate-secret", null))
        {
            Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
            var rotated = (string)(await rotate.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!;
            Assert.NotEqual(secret, rotated);
            secret = rotated;
            Assert.Equal("\"v2\"", rotate.Headers.ETag!.Tag);
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(new { url = receiver.Url, active = true }) })
        {
            stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v1\""));
            using var conflict = await api.SendAsync(stale);
            Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
            Assert.Equal("\"v2\"", conflict.Headers.ETag!.Tag);
        }

        using (var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(new { name = "renamed-app", url = receiver.Url }) })
        {
            rename.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v2\""));
            using var refused = await api.SendAsync(rename);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("名称不能修改", await refused.Content.ReadAsStringAsync());
        }

        // Delivered while subscribed, with the rotated secret.
        var first = await fixture.PublishAsync("关于停用前推送的通告");
        Assert.True((await ReceivedAsync(receiver, first, secret)).SignedWithSecret);

        // A message still waiting when the subscription is deleted fails with the reason, not a crash or a delivery.
        var pendingItem = "wh-pending-" + id;
        await fixture.DbAsync(async db =>
        {
            var later = DateTime.UtcNow.AddHours(1);
            db.Set<OutboxMessage>().Add(new OutboxMessage
            {
                Stream = OutboxWriter.StreamOf(Disclosure.Core.Channels.ChannelNames.App, "retiring-app", pendingItem),
                Channel = Disclosure.Core.Channels.ChannelNames.App,
                Target = "retiring-app",
                ContentItemId = pendingItem,
                ContentType = "Disclosure",
                VersionNumber = 1,
                Kind = ChangeKind.Published,
                IdempotencyKey = "pending-" + pendingItem,
                State = OutboxState.Pending,
                CreatedUtc = DateTime.UtcNow,
                NextAttemptUtc = later,
            });
            return await db.SaveChangesAsync();
        });

        using (var deleted = await api.DeleteAsync($"/api/v1/webhooks/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using (var gone = await api.GetAsync($"/api/v1/webhooks/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        await fixture.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.ContentItemId == pendingItem)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptUtc, DateTime.UtcNow.AddSeconds(-1))));
        var failed = await SettledAsync(pendingItem, "retiring-app");
        Assert.Equal(OutboxState.DeadLetter, failed.State);
        Assert.Contains("推送订阅“retiring-app”已于", failed.LastError!);
        Assert.Contains("删除，不再推送", failed.LastError!);

        // The next publication writes nothing for it (the configured endpoint still gets it).
        var after = await fixture.PublishAsync("关于停用后推送的通告");
        await ReceivedAsync(fixture.Configured, after, "configured-secret");
        Assert.False(await fixture.DbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.ContentItemId == after && m.Target == "retiring-app")));
        Assert.DoesNotContain(receiver.Received, r => Encoding.UTF8.GetString(r.Body).Contains(after, StringComparison.Ordinal));

        // Withdrawing an item it once received tells the configured endpoint, and writes nothing for the deleted
        // subscription (which could only fail).
        using (var scope = fixture.Site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WorkflowService>()
                .WithdrawAsync(first, new Actor("office", new HashSet<string> { RoleNames.InformationOffice }), "内容已过时效。");
        }

        Assert.True(await fixture.DbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.ContentItemId == first && m.Kind == ChangeKind.Withdrawn && m.Target != "retiring-app")));
        Assert.False(await fixture.DbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.ContentItemId == first && m.Kind == ChangeKind.Withdrawn && m.Target == "retiring-app")));

        // The name stays taken, so nothing pending could ever reach a later subscription under it.
        using var again = await api.SendAsync(Create("retiring-app", receiver.Url));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        var actions = await fixture.DbAsync(db => db.Ledger.Where(e => e.ContentItemId == $"webhook:{id}").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal([WebhookLedgerActions.Created, WebhookLedgerActions.SecretRotated, WebhookLedgerActions.Deleted], actions);
    }
}
