using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Disclosure.Admin;
using Disclosure.Search.Following;
using Disclosure.Search.IndexStore;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Disclosure.Web.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests;

/// <summary><c>/api/v1/search</c> on the demo site: hits, facets with names, exact 文号 look-up, and 400s with zh-CN messages.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class SearchApiTests(SiteFixture site)
{
    private readonly HttpClient _client = site.Site.CreateClient();

    [Fact]
    public async Task A_search_returns_hits_total_and_named_facets()
    {
        var body = await SearchAsync("/api/v1/search?q=户籍&pageSize=5");
        var total = body.GetProperty("total").GetInt32();
        Assert.True(total > 5);
        Assert.Equal("户籍", body.GetProperty("query").GetString());
        Assert.Equal("relevance", body.GetProperty("sort").GetString());

        var hits = body.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(5, hits.Count);
        var hit = hits[0];
        Assert.Contains("<mark>户籍</mark>", hit.GetProperty("titleHtml").GetString() + hit.GetProperty("snippet").GetString());
        Assert.Equal($"/api/v1/content/{hit.GetProperty("id").GetString()}", hit.GetProperty("url").GetString());
        Assert.Matches(@"^\d{6}-\d{3}/\d{4}-\d{5}$", hit.GetProperty("indexNumber").GetString());
        Assert.False(string.IsNullOrEmpty(hit.GetProperty("agencyName").GetString()));
        Assert.False(string.IsNullOrEmpty(hit.GetProperty("typeName").GetString()));

        var facets = body.GetProperty("facets");
        var types = facets.GetProperty("types").EnumerateArray().ToList();
        Assert.Equal(total, types.Sum(t => t.GetProperty("count").GetInt32()));
        Assert.Contains(types, t => t.GetProperty("value").GetString() == "ServiceGuide" && t.GetProperty("label").GetString() == "办事指南");
        Assert.Equal(total, facets.GetProperty("years").EnumerateArray().Sum(y => y.GetProperty("count").GetInt32()));
        Assert.Contains(facets.GetProperty("catalogue").EnumerateArray(), c => c.GetProperty("value").GetString() == "06" && c.GetProperty("label").GetString() == "办事指南");

        // The detail link of a hit answers.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(hit.GetProperty("url").GetString())).StatusCode);
    }

    [Theory]
    [InlineData("永公(办)发[2017]28号")]
    [InlineData("永公（办）发〔2017〕28号")]
    public async Task A_document_number_in_another_bracket_form_finds_its_item_first(string typed)
    {
        var body = await SearchAsync($"/api/v1/search?q={Uri.EscapeDataString(typed)}&sort=date");
        var first = body.GetProperty("hits")[0];
        Assert.Equal("yongning-2017-implementation-plan", first.GetProperty("id").GetString());
        Assert.True(first.GetProperty("exactMatch").GetBoolean());
        Assert.Equal("永公(办)发【2017】28号", first.GetProperty("documentNumber").GetString());
    }

    [Fact]
    public async Task Filters_and_date_order_apply()
    {
        var body = await SearchAsync("/api/v1/search?q=公安&type=RegulatoryDocument&catalogue=02&sort=date&pageSize=100");
        var hits = body.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal("RegulatoryDocument", h.GetProperty("type").GetString()));
        Assert.All(hits, h => Assert.StartsWith("02.", h.GetProperty("catalogue").GetString()));
        var dates = hits.Select(h => h.GetProperty("publishedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderDescending(), dates);

        var year = await SearchAsync("/api/v1/search?q=公安&year=2019&pageSize=100");
        Assert.All(year.GetProperty("hits").EnumerateArray(), h => Assert.Equal(2019, h.GetProperty("publishedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Year));
    }

    [Theory]
    [InlineData("/api/v1/search", "q", "请输入检索词")]
    [InlineData("/api/v1/search?q=%20%20", "q", "请输入检索词")]
    [InlineData("/api/v1/search?q=%22%E5%85%AC%E5%BC%80", "q", "引号不成对")]
    [InlineData("/api/v1/search?q=AND", "q", "“AND”是检索运算符，不能单独使用")]
    [InlineData("/api/v1/search?q=%2B", "q", "“+”是检索运算符，不能单独使用")]
    [InlineData("/api/v1/search?q=-", "q", "“-”是检索运算符，不能单独使用")]
    [InlineData("/api/v1/search?q=*", "q", "通配符“*”不能单独使用")]
    [InlineData("/api/v1/search?q=%E5%85%AC%E5%BC%80%20OR", "q", "运算符“OR”后面缺少检索词")]
    [InlineData("/api/v1/search?q=-%E5%85%AC%E5%BC%80", "q", "不能只有排除条件")]
    [InlineData("/api/v1/search?q=%E5%85%AC%E5%BC%80&sort=popular", "sort", "排序方式应为 relevance")]
    [InlineData("/api/v1/search?q=%E5%85%AC%E5%BC%80&type=NoSuchType", "type", "内容类型“NoSuchType”不存在")]
    [InlineData("/api/v1/search?q=%E5%85%AC%E5%BC%80&year=99999", "year", "年度应在 1900 到 2100 之间")]
    [InlineData("/api/v1/search?q=%E5%85%AC%E5%BC%80&page=0", "page", "页码应从 1 开始")]
    [InlineData("/api/v1/search?q=%E5%85%AC%E5%BC%80&pageSize=500", "pageSize", "每页条数应在 1 到 100 之间")]
    public async Task Malformed_searches_get_a_400_problem_with_a_zh_CN_message(string url, string parameter, string message)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("查询参数有误", problem.GetProperty("title").GetString());
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task Lucene_syntax_and_markup_in_the_query_are_harmless()
    {
        foreach (var q in new[] { "title:公开^10", "<script>alert(1)</script>", "公开~2 [a TO z] \\ / :", "((((", "公开\" OR \"" })
        {
            var response = await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}");
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{q} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_search()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var search = document.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get");
        var parameters = search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["q", "type", "catalogue", "agency", "year", "sort", "page", "pageSize"], parameters);
    }

    [Fact]
    public async Task The_rebuild_command_switches_generations_while_the_site_serves()
    {
        await site.Site.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();
        var index = site.Site.Services.GetRequiredService<SearchIndex>();
        var before = await SearchAsync("/api/v1/search?q=户籍");
        var generation = index.Generation;

        // The command as Program.cs runs it, on a second service provider over the same data folder (another process).
        await using var command = new DisclosureSite(site.Site.DataFolder, new Dictionary<string, string> { ["Search:FollowChanges"] = "false" });
        Assert.Equal(0, await SearchIndexCommand.RunAsync(command.Services));
        Assert.Equal(before.GetProperty("total").GetInt32(), (await SearchAsync("/api/v1/search?q=户籍")).GetProperty("total").GetInt32());

        await site.Site.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();
        Assert.Equal(generation + 1, index.Generation);
        Assert.Equal(before.GetProperty("total").GetInt32(), (await SearchAsync("/api/v1/search?q=户籍")).GetProperty("total").GetInt32());
    }

    private async Task<JsonElement> SearchAsync(string url)
    {
        // The site's follower indexes the demo content in the background; make sure it has caught up.
        await site.Site.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();
        var response = await _client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>Publication and withdrawal through the application reach the search API by themselves, on both engines.</summary>
public sealed class SearchFollowsPublicationTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_published_item_becomes_searchable_and_a_withdrawn_one_disappears_at_once(Disclosure.Storage.DatabaseProvider engine)
    {
        await using var site = await DisclosureSite.DemoAsync(engine);
        var client = site.CreateClient();
        const string url = "/api/v1/search?q=%E7%83%9F%E8%8A%B1%E7%88%86%E7%AB%B9%E7%87%83%E6%94%BE%E7%82%B9"; // 烟花爆竹燃放点
        await site.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();
        var already = await TotalAsync(client, url);

        using (var scope = site.Services.CreateScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<ContentManager>();
            await manager.CreateAsync("Disclosure", SampleContent.Notice("关于公布春节期间烟花爆竹燃放点的通告"), "editor", contentItemId: "fireworks-sites");
            await manager.PublishAsync("fireworks-sites", null, "office");
        }

        // No explicit catch-up: the site's follower, nudged by the commit, indexes it.
        await WaitForAsync(async () => await TotalAsync(client, url) == already + 1);

        using (var scope = site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentManager>().WithdrawAsync("fireworks-sites", "燃放点位调整", "office");
        }

        await WaitForAsync(async () => await TotalAsync(client, url) == already);
    }

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        // Far below the poll-only worst case of a slow machine, yet the nudge normally makes it milliseconds.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the search did not follow the change in time");
            await Task.Delay(50);
        }
    }
}
