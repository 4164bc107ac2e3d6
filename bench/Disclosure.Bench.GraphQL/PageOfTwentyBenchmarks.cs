using System.Text;
using BenchmarkDotNet.Attributes;

namespace Disclosure.Bench.GraphQL;

/// <summary>
/// One page of 20 published items with their metadata (索引号, 文号, 目录, 发布机构, 成文日期, 发布日期, version, url):
/// REST's list, the baseline, against the GraphQL query that asks for exactly the same fields. Both go through the
/// whole host (routing, middleware, serialisation) in process, without a socket.
/// </summary>
[MemoryDiagnoser]
public class PageOfTwentyBenchmarks
{
    public const string RestUrl = "/api/v1/content?pageSize=20";

    public const string Query =
        "{ contents(pageSize: 20) { total page pageSize items { id type title indexNumber documentNumber catalogue catalogueName agency agencyName writtenDate publishedAt version url } } }";

    /// <summary>Set by Program before the run: a client of the started site.</summary>
    public static HttpClient Client { get; set; } = null!;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { query = Query }));

    [Benchmark(Baseline = true, Description = "REST GET /api/v1/content?pageSize=20")]
    public async Task<int> Rest()
    {
        using var response = await Client.GetAsync(RestUrl);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark(Description = "GraphQL contents(pageSize: 20) { … metadata }")]
    public async Task<int> GraphQL()
    {
        using var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new("application/json");
        using var response = await Client.PostAsync("/graphql", content);
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }
}
