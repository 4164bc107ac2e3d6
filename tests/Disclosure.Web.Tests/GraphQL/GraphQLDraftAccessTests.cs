using System.Security.Claims;
using System.Text.Json;
using Disclosure.ApiClients;
using Disclosure.ApiClients.Authentication;
using Disclosure.ApiClients.Data;
using Disclosure.GraphQL.Access;
using Disclosure.GraphQL.Endpoint;
using Disclosure.GraphQL.Execution;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.GraphQL;

/// <summary>
/// The draft rule, run at the service level with the principal the API clients' authentication puts on the request
/// (<see cref="ApiClientClaims.Principal"/>): a client with
/// <c>content:read-drafts</c> reads its own agency's latest versions and nobody else reads any.
/// </summary>
[Collection(DemoSiteGroup.Name)]
public sealed class GraphQLDraftAccessTests(SiteFixture site)
{
    private const string OwnAgency = SampleContent.Agency;       // 永宁县公安局, the demo's own agency
    private const string OtherAgency = "150627-103";             // 伊金霍洛旗公安局

    private static ClaimsPrincipal ApiClient(string agency, params string[] scopes) => ApiClientClaims.Principal(
        new ApiClientRecord { ClientId = "oa-graphql", Name = "办公自动化系统", AgencyCode = agency, Scopes = ApiScopes.Join(scopes), SecretHash = "-", CreatedBy = "admin" },
        scopes);

    private async Task<JsonElement> RunAsync(string query, ClaimsPrincipal? user)
    {
        using var scope = site.Site.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<GraphQLExecutor>()
            .ExecuteAsync(new GraphQLRequest { Query = query }, user, scope.ServiceProvider, CancellationToken.None);
        return JsonDocument.Parse(GraphQLEndpoint.Serializer.Serialize(outcome.Result)).RootElement;
    }

    private async Task<string> CreateDraftAsync(string id, string title)
    {
        using var scope = site.Site.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ContentManager>().CreateAsync("Disclosure", SampleContent.Notice(title), "editor", "bgs", id);
        return id;
    }

    private static string? ErrorCode(JsonElement result) =>
        result.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Fact]
    public async Task A_client_with_the_scope_reads_its_own_agencys_latest_draft()
    {
        var id = await CreateDraftAsync("graphql-draft-own", "关于本机构草稿读取的测试通知");
        var client = ApiClient(OwnAgency, ApiScopes.ReadDrafts);

        var single = await RunAsync($"{{ content(id: \"{id}\", draft: true) {{ id title status statusName agency ... on Disclosure {{ bodyPart {{ markdown }} }} }} }}", client);
        Assert.Null(ErrorCode(single));
        var item = single.GetProperty("data").GetProperty("content");
        Assert.Equal("关于本机构草稿读取的测试通知", item.GetProperty("title").GetString());
        Assert.Equal("draft", item.GetProperty("status").GetString());
        Assert.Equal("草稿", item.GetProperty("statusName").GetString());
        Assert.Equal(OwnAgency, item.GetProperty("agency").GetString());

        var list = await RunAsync("{ drafts(pageSize: 100) { total items { id status agency } } }", client);
        var items = list.GetProperty("data").GetProperty("drafts").GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("id").GetString() == id);
        Assert.All(items, i => Assert.Equal(OwnAgency, i.GetProperty("agency").GetString()));
        Assert.All(items, i => Assert.NotEqual("published", i.GetProperty("status").GetString()));

        // Without draft: true the same client reads the public side, where the draft does not exist.
        Assert.Equal("NOT_FOUND", ErrorCode(await RunAsync($"{{ content(id: \"{id}\") {{ id }} }}", client)));
    }

    [Fact]
    public async Task Another_agencys_client_and_callers_without_the_scope_read_no_draft()
    {
        var id = await CreateDraftAsync("graphql-draft-other", "关于他机构不可读取草稿的测试通知");
        var query = $"{{ content(id: \"{id}\", draft: true) {{ id title }} }}";

        Assert.Equal("NOT_FOUND", ErrorCode(await RunAsync(query, ApiClient(OtherAgency, ApiScopes.ReadDrafts))));
        var otherList = await RunAsync("{ drafts(pageSize: 100) { items { id agency } } }", ApiClient(OtherAgency, ApiScopes.ReadDrafts));
        Assert.DoesNotContain(id, otherList.GetRawText());

        // A client without the scope, a token of another kind, staff signed in to the admin, nobody: all refused.
        var staff = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ApiClientClaims.Agency, OwnAgency), new Claim(ApiClientClaims.ClientId, "oa-graphql"), new Claim(ApiClientClaims.Scope, ApiScopes.ReadDrafts)],
            "Identity.Application"));
        foreach (var caller in new ClaimsPrincipal?[] { ApiClient(OwnAgency, "content:write"), staff, new ClaimsPrincipal(new ClaimsIdentity()), null })
        {
            Assert.Equal("FORBIDDEN", ErrorCode(await RunAsync(query, caller)));
            Assert.Equal("FORBIDDEN", ErrorCode(await RunAsync("{ drafts { total } }", caller)));
        }
    }

    [Fact]
    public void The_caller_rule_reads_the_token_contract()
    {
        Assert.Equal(OwnAgency, GraphQLCaller.From(ApiClient(OwnAgency, "content:write", ApiScopes.ReadDrafts)).DraftAgency);
        Assert.False(GraphQLCaller.From(ApiClient(OwnAgency, ApiScopes.WriteContent)).CanReadDrafts);
        Assert.False(GraphQLCaller.From(ApiClient(OwnAgency, "content:read-drafts-extra")).CanReadDrafts);
        Assert.False(GraphQLCaller.From(ApiClient(" ", ApiScopes.ReadDrafts)).CanReadDrafts);
        Assert.False(GraphQLCaller.From(null).CanReadDrafts);
    }
}
