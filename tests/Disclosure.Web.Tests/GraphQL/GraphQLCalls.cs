using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Disclosure.Web.Tests.GraphQL;

/// <summary>Posts GraphQL queries to <c>/graphql</c> and reads the answer.</summary>
internal static class GraphQLCalls
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string query, object? variables = null, string path = "/graphql")
    {
        var response = await client.PostAsJsonAsync(path, new { query, variables });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body);
    }

    /// <summary>The <c>data</c> of a query that must succeed without any error.</summary>
    public static async Task<JsonElement> DataAsync(HttpClient client, string query, object? variables = null, string path = "/graphql")
    {
        var (status, body) = await PostAsync(client, query, variables, path);
        Assert.True(status == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), $"{(int)status}: {body.GetRawText()}");
        return body.GetProperty("data");
    }

    /// <summary>The first error of a query that must fail.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpClient client, string query, object? variables = null)
    {
        var (_, body) = await PostAsync(client, query, variables);
        Assert.True(body.TryGetProperty("errors", out var errors), body.GetRawText());
        return errors[0];
    }

    public static string Code(JsonElement error) => error.GetProperty("extensions").GetProperty("code").GetString()!;

    public static async Task<JsonElement> RestAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
