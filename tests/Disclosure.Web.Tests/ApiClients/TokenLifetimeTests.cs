using System.Net;
using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;
using Disclosure.ApiClients.Clients;
using Disclosure.ApiClients.Data;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Disclosure.Web.Tests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.ApiClients;

/// <summary>
/// When a token stops working, to the second, by the site's clock (here weeks away from the machine's): an access
/// token lives its ten minutes plus the nodes' 30 seconds of tolerated skew, is not taken before its start less that
/// skew, a personal token ends at its expiry; and each refusal says why in zh-CN.
/// </summary>
[Collection(RequestSiteGroup.Name)]
public sealed class TokenLifetimeTests(RequestSiteFixture fixture)
{
    private static readonly Actor Administrator = new("admin", new HashSet<string> { RoleNames.Administrator });

    [Fact]
    public async Task Access_tokens_live_by_the_sites_clock_with_thirty_seconds_of_skew()
    {
        var clock = fixture.Clock;
        var start = clock.Now;
        try
        {
            var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "时钟核对系统", null, ApiScopes.ReadDrafts);
            using var api = RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(fixture.Site.CreateClient()));

            // Issued on the site's day, long before the machine's own now: the site's clock decides, not the library's.
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(api));
            clock.Now = start.AddMinutes(10).AddSeconds(30);
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(api));
            clock.Now = start.AddMinutes(10).AddSeconds(31);
            Assert.Equal("访问令牌已过期，请重新获取。", await RefusalAsync(api));

            // A token from a node whose clock runs ahead: up to 30 seconds is tolerated, not one more.
            clock.Now = start;
            var client = await ClientAsync(registered.ClientId);
            var key = fixture.Site.Services.GetRequiredService<TokenSigningKey>().Key;
            var issued = start.UtcDateTime;
            using var early = RegisteredClient.Bearer(fixture.Site, AccessTokenForgery.Forge(client, key, issued, issued.AddMinutes(10), issued.AddSeconds(30)));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(early));
            using var tooEarly = RegisteredClient.Bearer(fixture.Site, AccessTokenForgery.Forge(client, key, issued, issued.AddMinutes(10), issued.AddSeconds(31)));
            Assert.Equal("访问令牌已过期，请重新获取。", await RefusalAsync(tooEarly));

            // Unsigned, or signed with another key: not a token of this site.
            using var unsigned = RegisteredClient.Bearer(fixture.Site, AccessTokenForgery.Unsigned(client, issued, issued.AddMinutes(10)));
            Assert.Equal("访问令牌无效。", await RefusalAsync(unsigned));
            using var foreign = RegisteredClient.Bearer(fixture.Site,
                AccessTokenForgery.Forge(client, new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]), issued, issued.AddMinutes(10)));
            Assert.Equal("访问令牌无效。", await RefusalAsync(foreign));

            // 停用: the client's live token says so.
            await ServiceAsync(s => s.RevokeAsync(registered.ClientId, Administrator));
            Assert.Equal("该接口客户端已停用。", await RefusalAsync(api));
        }
        finally
        {
            clock.Now = start;
        }
    }

    [Fact]
    public async Task A_personal_token_ends_at_its_expiry_and_each_refusal_says_why()
    {
        var clock = fixture.Clock;
        var start = clock.Now;
        try
        {
            var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "数据核对脚本", null, ApiScopes.ReadDrafts);
            string token = null!;
            await ServiceAsync(async s => token = await s.IssueTokenAsync(registered.ClientId, "核对脚本", 1, Administrator));
            using var script = RegisteredClient.Bearer(fixture.Site, token);
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(script));

            var expires = await DbAsync(db => db.Set<PersonalAccessTokenRecord>().Where(t => t.Client.ClientId == registered.ClientId).Select(t => t.ExpiresUtc).SingleAsync());
            clock.Now = new DateTimeOffset(expires.AddSeconds(-1), TimeSpan.Zero);
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(script));
            clock.Now = new DateTimeOffset(expires, TimeSpan.Zero);
            Assert.Equal("个人访问令牌已过期。", await RefusalAsync(script));

            clock.Now = start;
            using var unknown = RegisteredClient.Bearer(fixture.Site, token + "x");
            Assert.Equal("个人访问令牌无效或已吊销。", await RefusalAsync(unknown));
            await ServiceAsync(s => s.RevokeAsync(registered.ClientId, Administrator));
            Assert.Equal("该接口客户端已停用。", await RefusalAsync(script));
        }
        finally
        {
            clock.Now = start;
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient api) => (await api.GetAsync("/api/v1/client")).StatusCode;

    /// <summary>The detail of a 401 answer (problem details), which tells the client why its token was refused.</summary>
    private static async Task<string?> RefusalAsync(HttpClient api)
    {
        using var response = await api.GetAsync("/api/v1/client");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("detail").GetString();
    }

    private async Task ServiceAsync(Func<ApiClientService, Task> action)
    {
        using var scope = fixture.Site.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<ApiClientService>());
    }

    private Task<ApiClientRecord> ClientAsync(string clientId) =>
        DbAsync(db => db.Set<ApiClientRecord>().AsNoTracking().SingleAsync(c => c.ClientId == clientId));

    private async Task<T> DbAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }
}
