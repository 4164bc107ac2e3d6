using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;
using Disclosure.ApiClients.Clients;
using Disclosure.ApiClients.Data;
using Disclosure.Core.Security;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Disclosure.Web.Tests.ApiClients;

/// <summary>
/// How a client proves who it is: the client-credentials grant, access tokens that end with a rotation or a
/// revocation (not only on expiry), personal access tokens with their own expiry and revocation, and the scopes.
/// </summary>
[Collection(PublishingSiteGroup.Name)]
public sealed class TokenTests(SiteFixture fixture)
{
    private static readonly Actor Administrator = new("admin", new HashSet<string> { RoleNames.Administrator });

    private async Task<T> ServiceAsync<T>(Func<ApiClientService, Task<T>> action)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<ApiClientService>());
    }

    private static async Task<HttpStatusCode> WhoAmIAsync(HttpClient api) => (await api.GetAsync("/api/v1/client")).StatusCode;

    [Fact]
    public async Task The_token_endpoint_follows_the_client_credentials_grant()
    {
        var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "办公自动化系统", null, ApiScopes.WriteContent, ApiScopes.ReadDrafts);
        var http = fixture.Site.CreateClient();

        using var issued = await registered.RequestTokenAsync(http);
        Assert.Equal("no-store", issued.Headers.CacheControl!.ToString());
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("content:read-drafts content:write", body.GetProperty("scope").GetString());

        // HTTP Basic, as RFC 6749 asks servers to accept; a narrower scope is granted as asked.
        var basic = new HttpRequestMessage(HttpMethod.Post, "/api/v1/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = ApiScopes.ReadDrafts }),
        };
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{registered.ClientId}:{registered.Secret}")));
        using var narrowed = await http.SendAsync(basic);
        var narrowToken = (await narrowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        using var narrowApi = RegisteredClient.Bearer(fixture.Site, narrowToken);
        var me = await narrowApi.GetFromJsonAsync<JsonElement>("/api/v1/client");
        Assert.Equal([ApiScopes.ReadDrafts], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await narrowApi.PostAsJsonAsync("/api/v1/drafts", new { type = "Disclosure", data = new { } })).StatusCode);

        foreach (var (form, status, error) in new (Dictionary<string, string> Form, HttpStatusCode Status, string Error)[]
                 {
                     (new() { ["grant_type"] = "password", ["client_id"] = registered.ClientId, ["client_secret"] = registered.Secret }, HttpStatusCode.BadRequest, "unsupported_grant_type"),
                     (new() { ["grant_type"] = "client_credentials", ["client_id"] = registered.ClientId, ["client_secret"] = registered.Secret + "x" }, HttpStatusCode.Unauthorized, "invalid_client"),
                     (new() { ["grant_type"] = "client_credentials", ["client_id"] = "client-unknown", ["client_secret"] = registered.Secret }, HttpStatusCode.Unauthorized, "invalid_client"),
                     (new() { ["grant_type"] = "client_credentials", ["client_id"] = registered.ClientId }, HttpStatusCode.Unauthorized, "invalid_client"),
                     (new() { ["grant_type"] = "client_credentials", ["client_id"] = registered.ClientId, ["client_secret"] = registered.Secret, ["scope"] = ApiScopes.ImportCredit }, HttpStatusCode.BadRequest, "invalid_scope"),
                 })
        {
            using var refused = await http.PostAsync("/api/v1/oauth/token", new FormUrlEncodedContent(form));
            Assert.Equal(status, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(error, problem.GetProperty("error").GetString());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("error_description").GetString()));
        }
    }

    [Fact]
    public async Task Rotated_revoked_expired_and_forged_tokens_are_refused()
    {
        var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "统计报送系统", null, ApiScopes.ReadDrafts);
        var http = fixture.Site.CreateClient();
        using var before = RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(http));
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(before));

        // 更换密钥: the old secret and every token issued under it stop at once; the new secret works.
        var secret = await ServiceAsync(s => s.RotateSecretAsync(registered.ClientId, Administrator));
        using var stale = await before.GetAsync("/api/v1/client");
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("invalid_token", stale.Headers.WwwAuthenticate.ToString());
        Assert.Contains("密钥已更换", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await registered.RequestTokenAsync(http)).StatusCode);
        var rotated = registered with { Secret = secret };
        using var after = RegisteredClient.Bearer(fixture.Site, await rotated.TokenAsync(http));
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(after));

        // An expired token, and one signed with another key, though well formed.
        var client = await DbAsync(db => db.Set<ApiClientRecord>().AsNoTracking().SingleAsync(c => c.ClientId == registered.ClientId));
        var key = fixture.Site.Services.GetRequiredService<TokenSigningKey>().Key;
        using var expired = RegisteredClient.Bearer(fixture.Site, AccessTokenForgery.Forge(client, key, DateTime.UtcNow.AddMinutes(-20), DateTime.UtcNow.AddMinutes(-5)));
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(expired));
        using var forged = RegisteredClient.Bearer(fixture.Site, AccessTokenForgery.Forge(client, new SymmetricSecurityKey(new byte[32]), DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5)));
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(forged));
        using var genuine = RegisteredClient.Bearer(fixture.Site, AccessTokenForgery.Forge(client, key, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5)));
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(genuine));

        // 个人访问令牌: works until revoked or expired.
        var personal = await ServiceAsync(s => s.IssueTokenAsync(registered.ClientId, "数据迁移脚本", 30, Administrator));
        var second = await ServiceAsync(s => s.IssueTokenAsync(registered.ClientId, "月度对账脚本", 30, Administrator));
        using var script = RegisteredClient.Bearer(fixture.Site, personal);
        using var other = RegisteredClient.Bearer(fixture.Site, second);
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(script));
        var tokenId = await DbAsync(db => db.Set<PersonalAccessTokenRecord>().Where(t => t.Name == "数据迁移脚本" && t.Client.ClientId == registered.ClientId).Select(t => t.Id).SingleAsync());
        await ServiceAsync(async s => { await s.RevokeTokenAsync(registered.ClientId, tokenId, Administrator); return true; });
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(script));
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(other));
        await DbAsync(db => db.Set<PersonalAccessTokenRecord>().Where(t => t.Name == "月度对账脚本").ExecuteUpdateAsync(t => t.SetProperty(x => x.ExpiresUtc, DateTime.UtcNow.AddSeconds(-1))));
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(other));
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(RegisteredClient.Bearer(fixture.Site, personal + "x")));

        // 停用: everything of the client ends, the token endpoint included.
        var third = await ServiceAsync(s => s.IssueTokenAsync(registered.ClientId, "备用脚本", 30, Administrator));
        await ServiceAsync(async s => { await s.RevokeAsync(registered.ClientId, Administrator); return true; });
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(after));
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(RegisteredClient.Bearer(fixture.Site, third)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await rotated.RequestTokenAsync(http)).StatusCode);

        // No token at all: a 401 that says how to authenticate.
        using var none = await http.GetAsync("/api/v1/client");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("Bearer", await none.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_admins_sign_in_cookie_opens_no_client_endpoint_and_a_client_token_no_admin_page()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var admin = await Staff.SignedInAsync(fixture.Site, "sysadmin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/client")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.PostAsJsonAsync("/api/v1/drafts", new { type = "Disclosure", data = new { } })).StatusCode);

        var registered = await RegisteredClient.RegisterAsync(fixture.Site.Services, "门户网站", null, ApiScopes.All.Select(s => s.Name).ToArray());
        using var api = RegisteredClient.Bearer(fixture.Site, await registered.TokenAsync(fixture.Site.CreateClient()));
        foreach (var page in new[] { "/admin", "/admin/content", "/admin/api-clients", "/admin/users", "/admin/ledger" })
        {
            using var response = await api.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task The_administrator_registers_a_client_sees_its_secret_once_and_the_ledger_names_the_client()
    {
        await Staff.EnsureAsync(fixture.Site.Services);
        var admin = await Staff.SignedInAsync(fixture.Site, "sysadmin");
        var page = await admin.GetStringAsync("/admin/api-clients");
        using var registered = await admin.PostAsync("/admin/api-clients", HtmlForms.Form(page,
            ("Input.Name", "公文交换系统"), ("Input.Place", "640121-103|zhzx"), ("Input.Scopes", ApiScopes.WriteContent), ("Input.Scopes", ApiScopes.ReadDrafts)));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.True(registered.Headers.CacheControl!.NoStore);
        var html = await HtmlForms.TextAsync(registered);
        var clientId = Regex.Match(html, "<code class=\"client-id\">([^<]+)</code>").Groups[1].Value;
        var secret = Regex.Match(html, "<code class=\"client-secret\">([^<]+)</code>").Groups[1].Value;
        Assert.StartsWith("client-", clientId);
        Assert.Equal(43, secret.Length);

        // Shown once: neither the list nor the client's page shows it again, and only its hash is stored.
        Assert.DoesNotContain(secret, await admin.GetStringAsync("/admin/api-clients"));
        Assert.DoesNotContain(secret, await admin.GetStringAsync($"/admin/api-clients/{clientId}"));
        Assert.Equal(ApiSecrets.Hash(secret), await DbAsync(db => db.Set<ApiClientRecord>().Where(c => c.ClientId == clientId).Select(c => c.SecretHash).SingleAsync()));

        // Bad input is refused with the reason, and nothing is registered.
        var count = await DbAsync(db => db.Set<ApiClientRecord>().CountAsync());
        using var refused = await admin.PostAsync("/admin/api-clients", HtmlForms.Form(page, ("Input.Name", " "), ("Input.Place", "640121-103|nosuch"), ("Input.Scopes", "content:publish")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var reasons = await HtmlForms.TextAsync(refused);
        Assert.Contains("请填写客户端名称", reasons);
        Assert.Contains("权限范围“content:publish”不存在", reasons);
        Assert.Contains("所选部门不属于该机构", reasons);
        Assert.Equal(count, await DbAsync(db => db.Set<ApiClientRecord>().CountAsync()));

        // The client drafts; the 台账 names it as the client, never as a person.
        var client = new RegisteredClient(clientId, secret);
        using var api = RegisteredClient.Bearer(fixture.Site, await client.TokenAsync(fixture.Site.CreateClient()));
        using var created = await api.PostAsJsonAsync("/api/v1/drafts", new { type = "Disclosure", data = WriteApiTests.Data("公文交换系统推送的通知") });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ledger = await HtmlForms.TextAsync(await admin.GetAsync("/admin/ledger"));
        Assert.Contains("接口客户端“公文交换系统”", ledger);
        Assert.Contains("接口保存草稿", ledger);

        // Only the 管理员 manages clients.
        var editor = await Staff.SignedInAsync(fixture.Site, "editor");
        using var denied = await editor.GetAsync("/admin/api-clients");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    private async Task<T> DbAsync<T>(Func<DisclosureDbContext, Task<T>> query)
    {
        using var scope = fixture.Site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisclosureDbContext>());
    }
}
