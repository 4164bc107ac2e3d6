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
    public async Task Every_operation_is_described_in_chinese_with_an_example_of_its_answer_and_its_json_body()
    {
        using var document = JsonDocument.Parse(await fixture.Site.CreateClient().GetStringAsync("/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", Operation: operation.Value)))
            .ToList();
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations");
        var missing = new List<string>();
        foreach (var (name, operation) in operations)
        {
            if (!operation.TryGetProperty("summary", out var summary) || !HasChinese(summary.GetString())
                || !operation.TryGetProperty("description", out var description) || !HasChinese(description.GetString()))
            {
                missing.Add($"{name}: zh-CN summary and description");
            }

            // The success answer (its first 2xx, unless it is 204 No Content) shows an example.
            var success = operation.GetProperty("responses").EnumerateObject().First(r => r.Name.StartsWith('2'));
            if (success.Name != "204" && !HasExample(success.Value))
            {
                missing.Add($"{name}: example of {success.Name}");
            }

            if (operation.TryGetProperty("requestBody", out var body)
                && body.GetProperty("content").EnumerateObject().FirstOrDefault(c => c.Name is "application/json" or "application/x-www-form-urlencoded") is { Value.ValueKind: JsonValueKind.Object } json
                && !json.Value.TryGetProperty("example", out _))
            {
                missing.Add($"{name}: example of the request body");
            }
        }

        Assert.Empty(missing);

        // Examples are written as the API writes: camelCase, Chinese as characters, the record's own JSON names.
        var paths = document.RootElement.GetProperty("paths");
        var draft = paths.GetProperty("/api/v1/drafts").GetProperty("post");
        Assert.Equal("Disclosure", draft.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("type").GetString());
        var token = paths.GetProperty("/api/v1/oauth/token").GetProperty("post").GetProperty("responses").GetProperty("200").GetProperty("content")
            .GetProperty("application/json").GetProperty("example");
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
    }

    private static bool HasExample(JsonElement response) =>
        response.TryGetProperty("content", out var content)
        && content.EnumerateObject().First().Value.TryGetProperty("example", out var example)
        && example.ValueKind is JsonValueKind.Object or JsonValueKind.Array;

    private static bool HasChinese(string? text) => text?.Any(c => c is >= '\u4e00' and <= '\u9fff') == true;

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
