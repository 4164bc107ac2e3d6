using System.Net;
using System.Text.Json;

namespace Disclosure.Web.Tests.ApiClients;

/// <summary>What a developer reads before calling: the OpenAPI document's client security and the reference page at /api/docs.</summary>
[Collection(PublishingSiteGroup.Name)]
public sealed class ApiDocumentTests(SiteFixture fixture)
{
    [Fact]
    public async Task The_document_describes_client_credentials_and_the_scopes_of_each_client_operation()
    {
        using var document = JsonDocument.Parse(await fixture.Site.CreateClient().GetStringAsync("/openapi/v1.json"));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiClient");
        var flow = scheme.GetProperty("flows").GetProperty("clientCredentials");
        Assert.Equal("/api/v1/oauth/token", flow.GetProperty("tokenUrl").GetString());
        Assert.Equal(Disclosure.ApiClients.ApiScopes.All.Select(s => s.Name).Order(), flow.GetProperty("scopes").EnumerateObject().Select(p => p.Name).Order());

        var paths = document.RootElement.GetProperty("paths");
        var create = paths.GetProperty("/api/v1/drafts").GetProperty("post");
        Assert.Equal(["content:write"], create.GetProperty("security")[0].GetProperty("ApiClient").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("Idempotency-Key", create.GetProperty("description").GetString());
        // A public read needs no token.
        Assert.False(paths.GetProperty("/api/v1/content").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task The_reference_page_is_served_from_the_site_itself_under_its_own_policy()
    {
        var http = fixture.Site.CreateClient();
        using var page = await http.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Disclosure 接口文档", html);
        Assert.DoesNotContain("https://", html);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("connect-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/docs/scalar.js")).StatusCode);

        // Inline code is allowed on that page only.
        using var home = await http.GetAsync("/");
        Assert.DoesNotContain("unsafe-inline", string.Join(";", home.Headers.GetValues("Content-Security-Policy")));
    }
}
