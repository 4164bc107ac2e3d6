using System.Text.Json;
using Disclosure.GraphQL.Endpoint;
using Disclosure.GraphQL.Execution;
using Disclosure.GraphQL.Options;
using Disclosure.GraphQL.Schema;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Tests.GraphQL;

/// <summary>The persisted-query allow-list (<c>GraphQL:OnlyAllowedQueries</c>) and the checks of its settings at start.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class GraphQLAllowListTests(SiteFixture site) : IDisposable
{
    private const string Listed = "query HomeList { contents(pageSize: 5) { total items { id title } } }";
    private const string InFolder = "query Catalogue { catalogue { code name } }";

    private readonly string _folder = Directory.CreateTempSubdirectory("graphql-allowed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Status, JsonElement Body)> RunAsync(GraphQLOptions options, GraphQLRequest request)
    {
        using var scope = site.Site.Services.CreateScope();
        var services = scope.ServiceProvider;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var executor = new GraphQLExecutor(services.GetRequiredService<SchemaProvider>(), new AllowedQueryList(wrapped, services.GetRequiredService<IHostEnvironment>()), wrapped, NullLogger<GraphQLExecutor>.Instance);
        var outcome = await executor.ExecuteAsync(request, null, services, CancellationToken.None);
        return (outcome.StatusCode, JsonDocument.Parse(GraphQLEndpoint.Serializer.Serialize(outcome.Result)).RootElement);
    }

    private GraphQLOptions AllowListOn()
    {
        File.WriteAllText(Path.Combine(_folder, "目录.graphql"), InFolder);
        return new GraphQLOptions
        {
            OnlyAllowedQueries = true,
            AllowedQueries = { ["首页"] = AllowedQueryList.Hash(Listed) },
            AllowedQueriesFolder = _folder,
        };
    }

    [Fact]
    public async Task When_on_only_listed_queries_run_and_any_other_is_refused()
    {
        var options = AllowListOn();

        var listed = await RunAsync(options, new GraphQLRequest { Query = Listed });
        Assert.Equal(200, listed.Status);
        Assert.Equal(5, listed.Body.GetProperty("data").GetProperty("contents").GetProperty("items").GetArrayLength());

        foreach (var other in new[] { "{ contents(pageSize: 100) { items { id } } }", Listed + " ", "{ __schema { types { name } } }" })
        {
            var refused = await RunAsync(options, new GraphQLRequest { Query = other });
            Assert.Equal(400, refused.Status);
            Assert.False(refused.Body.TryGetProperty("data", out _));
            var error = refused.Body.GetProperty("errors")[0];
            Assert.Equal("QUERY_NOT_ALLOWED", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal("本站只执行已登记的查询（GraphQL:OnlyAllowedQueries），该查询不在允许列表中。", error.GetProperty("message").GetString());
        }

        // Off, the same query runs.
        Assert.Equal(200, (await RunAsync(new GraphQLOptions(), new GraphQLRequest { Query = "{ contents(pageSize: 100) { items { id } } }" })).Status);
    }

    [Fact]
    public async Task A_query_of_the_folder_runs_by_its_hash_alone()
    {
        var options = AllowListOn();
        var byHash = new GraphQLRequest
        {
            Extensions = new Inputs(new Dictionary<string, object?> { ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 1, ["sha256Hash"] = AllowedQueryList.Hash(InFolder) } }),
        };
        var ran = await RunAsync(options, byHash);
        Assert.Equal(200, ran.Status);
        Assert.True(ran.Body.GetProperty("data").GetProperty("catalogue").GetArrayLength() > 0);

        var unknown = await RunAsync(options, new GraphQLRequest { DocumentId = "sha256:" + new string('a', 64) });
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknown.Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        var mismatched = await RunAsync(options, new GraphQLRequest { Query = Listed, DocumentId = AllowedQueryList.Hash(InFolder) });
        Assert.Equal("查询语句与提交的 SHA-256 哈希值不符。", mismatched.Body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public void Settings_that_would_refuse_everything_or_name_a_bad_hash_stop_the_start()
    {
        var validation = new GraphQLOptionsValidation(site.Site.Services.GetRequiredService<IHostEnvironment>());

        var empty = validation.Validate(null, new GraphQLOptions { OnlyAllowedQueries = true });
        Assert.True(empty.Failed);
        Assert.Contains("GraphQL:OnlyAllowedQueries 已开启", empty.FailureMessage);

        var badHash = validation.Validate(null, new GraphQLOptions { AllowedQueries = { ["列表"] = "abc" } });
        Assert.Contains("GraphQL:AllowedQueries:列表 应为 64 位十六进制的 SHA-256 值。", badHash.FailureMessage);

        var missingFolder = validation.Validate(null, new GraphQLOptions { AllowedQueriesFolder = Path.Combine(_folder, "nowhere") });
        Assert.Contains("不存在", missingFolder.FailureMessage);

        Assert.True(validation.Validate(null, AllowListOn()).Succeeded);
    }
}
