using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Disclosure.ApiClients.Authentication;
using Disclosure.ApiClients.Clients;
using Disclosure.ApiClients.Data;
using Disclosure.Core.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Disclosure.Web.Tests.ApiClients;

/// <summary>A registered client's credentials, and the calls a client system makes with them.</summary>
public sealed record RegisteredClient(string ClientId, string Secret)
{
    /// <summary>Registers a client of the demo's own agency (永宁县公安局) as the installation's 管理员 would.</summary>
    public static Task<RegisteredClient> RegisterAsync(IServiceProvider services, string name, string? department, params string[] scopes) =>
        RegisterInAsync(services, "640121-103", name, department, scopes);

    /// <summary>Registers a client of <paramref name="agency"/> as the installation's 管理员 would.</summary>
    public static async Task<RegisteredClient> RegisterInAsync(IServiceProvider services, string agency, string name, string? department, params string[] scopes)
    {
        using var scope = services.CreateScope();
        var (client, secret) = await scope.ServiceProvider.GetRequiredService<ApiClientService>().RegisterAsync(
            new ApiClientInput(name, agency, department, scopes, null), new Actor("admin", new HashSet<string> { RoleNames.Administrator }));
        return new RegisteredClient(client.ClientId, secret);
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(HttpClient http, string? scope = null, string? secret = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = ClientId, ["client_secret"] = secret ?? Secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return await http.PostAsync("/api/v1/oauth/token", new FormUrlEncodedContent(form));
    }

    /// <summary>A fresh access token from the token endpoint.</summary>
    public async Task<string> TokenAsync(HttpClient http, string? scope = null)
    {
        using var response = await RequestTokenAsync(http, scope);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>An HTTP client sending <paramref name="token"/> as its bearer token, no cookies, no redirects followed.</summary>
    public static HttpClient Bearer(WebApplicationFactory<Program> site, string token)
    {
        var http = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}

/// <summary>Access tokens made outside the token endpoint: with another key, other times or no signature at all.</summary>
internal static class AccessTokenForgery
{
    public static string Forge(ApiClientRecord client, SecurityKey key, DateTime issued, DateTime expires, DateTime? notBefore = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AccessTokens.Issuer,
            Audience = AccessTokens.Audience,
            IssuedAt = issued,
            NotBefore = notBefore ?? issued,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Claims = Claims(client),
        });

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(ApiClientRecord client, DateTime issued, DateTime expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AccessTokens.Issuer,
            Audience = AccessTokens.Audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expires,
            Claims = Claims(client),
        });

    private static Dictionary<string, object> Claims(ApiClientRecord client) =>
        new() { ["sub"] = client.ClientId, ["scope"] = client.Scopes, ["gen"] = client.SecretGeneration };
}
