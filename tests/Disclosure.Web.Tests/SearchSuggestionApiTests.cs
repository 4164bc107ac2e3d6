using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Disclosure.Search.Following;
using Disclosure.Search.Suggestions;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests;

/// <summary>
/// <c>/api/v1/search/suggest</c> and 您是不是要找 on the demo site: titles, 常用检索词 counted from the page and the API,
/// an agency site's scope, refusals with zh-CN messages, and the correction link on the results page.
/// </summary>
[Collection(DemoSiteGroup.Name)]
public sealed class SearchSuggestionApiTests(SiteFixture site)
{
    private readonly HttpClient _client = site.Site.CreateClient();

    [Fact]
    public async Task Titles_containing_what_is_typed_are_suggested()
    {
        var response = await GetAsync("/api/v1/search/suggest?q=%E6%88%B7%E7%B1%8D"); // 户籍
        Assert.True(response.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 30 }, response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("户籍", body.GetProperty("query").GetString());
        var suggestions = body.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.InRange(suggestions.Count, 2, 8);
        Assert.All(suggestions, s => Assert.Contains("户籍", s.GetProperty("text").GetString(), StringComparison.Ordinal));
        Assert.Contains(suggestions, s => s.GetProperty("kind").GetString() == "title" && s.GetProperty("id").GetString() == "window-household-registration");
    }

    [Fact]
    public async Task On_an_agency_site_only_its_titles_are_suggested()
    {
        static async Task<List<string?>> IdsAsync(HttpResponseMessage response) =>
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();

        var q = Uri.EscapeDataString("政府信息公开");
        var everywhere = await IdsAsync(await GetAsync($"/api/v1/search/suggest?q={q}"));
        Assert.Contains("neimenggu-2014-annual-report", everywhere);
        Assert.Contains("open-government-guide", everywhere);

        var mongolia = await IdsAsync(await GetAsync($"/a/150000-103/api/v1/search/suggest?q={q}"));
        Assert.Equal(["neimenggu-2014-annual-report"], mongolia.Where(id => id is not null));
        var yongning = await IdsAsync(await GetAsync($"/a/640121-103/api/v1/search/suggest?q={q}"));
        Assert.DoesNotContain("neimenggu-2014-annual-report", yongning);
        Assert.Contains("open-government-guide", yongning);

        // 全部 on the agency's site is every agency's, as its search page.
        Assert.Contains("open-government-guide", await IdsAsync(await GetAsync($"/a/150000-103/api/v1/search/suggest?q={q}&reach=all")));
    }

    [Theory]
    [InlineData("/api/v1/search/suggest", "q", "请输入检索词")]
    [InlineData("/api/v1/search/suggest?q=%20%20", "q", "请输入检索词")]
    [InlineData("/api/v1/search/suggest?q=%E6%88%B7%E7%B1%8D&reach=far", "reach", "reach 应为 own")]
    public async Task Bad_input_gets_a_400_with_a_zh_CN_message(string url, string parameter, string message)
    {
        if (parameter == "reach")
        {
            url = "/a/150000-103" + url;
        }

        await AssertRefusedAsync(url, parameter, message);
    }

    [Fact]
    public Task Input_longer_than_a_suggestion_needs_is_refused() =>
        AssertRefusedAsync("/api/v1/search/suggest?q=" + Uri.EscapeDataString(new string('户', SearchSuggester.MaxInputLength + 1)), "q", "检索词过长");

    [Fact]
    public async Task Searches_with_hits_from_the_page_and_the_API_become_common_queries()
    {
        var log = site.Site.Services.GetRequiredService<CommonQueryLog>();
        var q = Uri.EscapeDataString("户口迁移 规定");
        // Written between the searches, so each counts whatever address the test server gives the client.
        foreach (var url in new[] { $"/api/v1/search?q={q}", $"/search?q={q}", $"/api/v1/search?q={q}", $"/api/v1/search?q={q}&page=2" })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(url)).StatusCode);
            await log.FlushAsync();
        }

        // Page 2 of the same search is not another search.
        Assert.Equal(3, await CountAsync("户口迁移 规定"));
        var body = await (await GetAsync($"/api/v1/search/suggest?q={Uri.EscapeDataString("户口迁移")}")).Content.ReadFromJsonAsync<JsonElement>();
        var first = body.GetProperty("suggestions")[0];
        Assert.Equal("户口迁移 规定", first.GetProperty("text").GetString());
        Assert.Equal("query", first.GetProperty("kind").GetString());

        // A phone number searched with hits is never counted.
        var phone = Uri.EscapeDataString("户籍 13812345678");
        await GetAsync($"/api/v1/search?q={phone}");
        await log.FlushAsync();
        Assert.Null(await CountAsync("户籍 13812345678"));
    }

    [Fact]
    public async Task A_search_with_no_hits_answers_did_you_mean_in_the_API()
    {
        var body = await (await GetAsync($"/api/v1/search?q={Uri.EscapeDataString("政府信息工开")}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("total").GetInt32());
        Assert.Equal("政府信息公开", body.GetProperty("didYouMean").GetString());

        var found = await (await GetAsync($"/api/v1/search?q={Uri.EscapeDataString("政府信息公开")}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, found.GetProperty("didYouMean").ValueKind);
    }

    [Fact]
    public async Task The_results_page_links_the_correction_escaped_and_keeps_the_filters()
    {
        var html = await (await GetAsync($"/search?q={Uri.EscapeDataString("户籍&<> 量子")}&sort=date")).Content.ReadAsStringAsync();
        Assert.Contains("您是不是要找：<a href=\"/search?q=%E6%88%B7%E7%B1%8D%26%3C%3E&amp;sort=date\">户籍&amp;&lt;&gt;</a>", html);
        Assert.DoesNotContain("户籍&<>", html);

        var plain = await (await GetAsync($"/search?q={Uri.EscapeDataString("政府信息工开")}")).Content.ReadAsStringAsync();
        Assert.Contains("您是不是要找：<a href=\"/search?q=%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80\">政府信息公开</a>", plain);

        // Nothing found and nothing to offer: no link.
        var none = await (await GetAsync($"/search?q={Uri.EscapeDataString("量子纠缠")}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("您是不是要找", none);
    }

    [Fact]
    public async Task Nothing_found_leaves_no_empty_filter_column_but_a_chosen_filter_can_still_be_cleared()
    {
        var none = await (await GetAsync($"/search?q={Uri.EscapeDataString("量子纠缠")}")).Content.ReadAsStringAsync();
        Assert.Contains("共找到 0 条结果", none);
        Assert.Contains("class=\"search-layout without-facets\"", none);
        Assert.DoesNotContain("class=\"facets\"", none);

        // Found nothing within a filter: the filter stays, with the way back to all.
        var filtered = await (await GetAsync($"/search?q={Uri.EscapeDataString("户籍")}&year=1999")).Content.ReadAsStringAsync();
        Assert.Contains("共找到 0 条结果", filtered);
        Assert.Contains("class=\"facets\"", filtered);
        Assert.Contains("全部（清除筛选）", filtered);

        var found = await (await GetAsync($"/search?q={Uri.EscapeDataString("户籍")}")).Content.ReadAsStringAsync();
        Assert.Contains("class=\"search-layout\"", found);
        Assert.Contains("class=\"facets\"", found);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_suggestions()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var suggest = document.GetProperty("paths").GetProperty("/api/v1/search/suggest").GetProperty("get");
        Assert.Equal(["q", "reach"], suggest.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("检索词输入提示", suggest.GetProperty("summary").GetString());
    }

    private async Task AssertRefusedAsync(string url, string parameter, string message)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("查询参数有误", problem.GetProperty("title").GetString());
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        await site.Site.Services.GetRequiredService<SearchIndexer>().CatchUpAsync();
        var response = await _client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private async Task<long?> CountAsync(string query)
    {
        await using var scope = site.Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DisclosureDbContext>().Set<CommonQuery>()
            .Where(q => q.Query == query).Select(q => (long?)q.Count).SingleOrDefaultAsync();
    }
}
