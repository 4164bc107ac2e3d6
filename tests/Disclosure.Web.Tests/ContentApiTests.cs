using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage.Content;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests;

/// <summary>The read API over the demo site: only published versions, filters, paging, clear errors.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class ContentApiTests(SiteFixture site)
{
    private readonly HttpClient _client = site.Site.CreateClient();

    [Fact]
    public async Task The_list_holds_exactly_the_published_demo_items_newest_first()
    {
        var expected = DemoItem.All.Where(i => i.IsPublic).ToList();
        var seen = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await GetJsonAsync($"/api/v1/content?page={page}&pageSize=100");
            Assert.Equal(expected.Count, body.GetProperty("total").GetInt32());
            var items = body.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0)
            {
                break;
            }

            seen.AddRange(items);
        }

        Assert.Equal(expected.Select(i => i.Id).Order(), seen.Select(i => i.GetProperty("id").GetString()).Order());
        var times = seen.Select(i => i.GetProperty("publishedAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(seen, i => Assert.Matches(@"^\d{6}-\d{3}/\d{4}-\d{5}$", i.GetProperty("indexNumber").GetString()));
        Assert.Equal(seen.Count, seen.Select(i => i.GetProperty("indexNumber").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Filters_by_type_catalogue_class_agency_and_year_match_the_files()
    {
        var regulatory = await GetJsonAsync("/api/v1/content?type=RegulatoryDocument&pageSize=100");
        Assert.Equal(DemoItem.All.Count(i => i.IsPublic && i.Type == "RegulatoryDocument"), regulatory.GetProperty("total").GetInt32());
        Assert.All(regulatory.GetProperty("items").EnumerateArray(), i => Assert.Equal("RegulatoryDocument", i.GetProperty("type").GetString()));

        // A class matches itself and everything below it.
        var policies = await GetJsonAsync("/api/v1/content?catalogue=02&pageSize=100");
        Assert.Equal(DemoItem.All.Count(i => i.IsPublic && (i.Catalogue == "02" || i.Catalogue!.StartsWith("02.", StringComparison.Ordinal))), policies.GetProperty("total").GetInt32());
        Assert.True(policies.GetProperty("total").GetInt32() > 0);

        var yijinhuoluo = await GetJsonAsync("/api/v1/content?agency=150627-103");
        Assert.Equal(DemoItem.All.Count(i => i.IsPublic && i.Agency == "150627-103"), yijinhuoluo.GetProperty("total").GetInt32());
        Assert.Equal("伊金霍洛旗公安局", yijinhuoluo.GetProperty("items")[0].GetProperty("agencyName").GetString());

        // 集约化: an agency's list is its own (本级) unless the caller asks for 含下级 or 全部. 鄂尔多斯市公安局 has published
        // nothing itself; 伊金霍洛旗公安局 below it has; 内蒙古自治区公安厅 above both has one item of its own.
        async Task<int> Total(string query) => (await GetJsonAsync("/api/v1/content?" + query)).GetProperty("total").GetInt32();
        int Published(params string[] agencies) => DemoItem.All.Count(i => i.IsPublic && i.Agency is { } a && agencies.Contains(a));
        Assert.Equal(0, await Total("agency=150600-103"));
        Assert.Equal(0, await Total("agency=150600-103&reach=own"));
        Assert.Equal(Published("150627-103"), await Total("agency=150600-103&reach=subtree"));
        Assert.Equal(Published("150000-103", "150627-103"), await Total("agency=150000-103&reach=subtree"));
        Assert.Equal(Published("150000-103"), await Total("agency=150000-103"));
        Assert.Equal(DemoItem.All.Count(i => i.IsPublic), await Total("agency=150600-103&reach=all"));
        Assert.True(Published("150627-103") > 0 && Published("150000-103") > 0);

        // The year is the Beijing calendar year of publication.
        var year2017 = await GetJsonAsync("/api/v1/content?year=2017&pageSize=100");
        Assert.Equal(DemoItem.All.Count(i => i.IsPublic && i.PublishedAt!.Value.ToOffset(TimeSpan.FromHours(8)).Year == 2017), year2017.GetProperty("total").GetInt32());
        Assert.All(year2017.GetProperty("items").EnumerateArray(), i => Assert.Equal(2017, i.GetProperty("publishedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Year));
    }

    [Fact]
    public async Task Pages_follow_on_from_each_other()
    {
        var all = (await GetJsonAsync("/api/v1/content?pageSize=10")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        var second = (await GetJsonAsync("/api/v1/content?page=2&pageSize=5")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(all.Skip(5).Take(5), second);
    }

    [Fact]
    public async Task A_published_item_comes_with_its_metadata_and_data()
    {
        var plan = await GetJsonAsync("/api/v1/content?agency=640121-103&catalogue=02.03&pageSize=100");
        var item = plan.GetProperty("items").EnumerateArray().First(i => i.GetProperty("documentNumber").GetString() == "永公(办)发【2017】28号");
        var detail = await GetJsonAsync(item.GetProperty("url").GetString()!);

        var summary = detail.GetProperty("summary");
        Assert.Equal("永宁县公安局", summary.GetProperty("agencyName").GetString());
        Assert.Equal("部门文件", summary.GetProperty("catalogueName").GetString());
        Assert.Equal("2017-03-29", summary.GetProperty("writtenDate").GetString());
        Assert.StartsWith("640121-103/2017-", summary.GetProperty("indexNumber").GetString());
        Assert.Contains("实施方案", detail.GetProperty("data").GetProperty("BodyPart").GetProperty("Markdown").GetString());
    }

    [Fact]
    public async Task Drafts_are_invisible_and_withdrawn_items_leave_a_notice()
    {
        var draft = DemoItem.All.First(i => i.PublishedAt is null);
        var notFound = await _client.GetAsync($"/api/v1/content/{draft.Id}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("内容不存在或尚未发布", await notFound.Content.ReadAsStringAsync());

        var withdrawn = DemoItem.All.First(i => i.Withdrawn);
        var gone = await _client.GetAsync($"/api/v1/content/{withdrawn.Id}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        var notice = await gone.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("该信息已撤回。", notice.GetProperty("message").GetString());
        Assert.False(string.IsNullOrWhiteSpace(notice.GetProperty("reason").GetString()));
        Assert.False(notice.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("/api/v1/content?type=NoSuchType", "type", "内容类型“NoSuchType”不存在")]
    [InlineData("/api/v1/content?agency=999999-999", "agency", "机构“999999-999”不存在")]
    [InlineData("/api/v1/content?agency=150600-103&reach=everything", "reach", "reach 应为 own（本级）、subtree（含下级）或 all（全部）")]
    [InlineData("/api/v1/content?reach=subtree", "reach", "reach 须与 agency 一起使用")]
    [InlineData("/api/v1/content?year=20170", "year", "年度应在 1900 到 2100 之间")]
    [InlineData("/api/v1/content?page=0", "page", "页码应从 1 开始")]
    [InlineData("/api/v1/content?pageSize=1000", "pageSize", "每页条数应在 1 到 100 之间")]
    [InlineData("/api/v1/changes?since=abc", "since", "游标“abc”无效")]
    [InlineData("/api/v1/changes?since=-5", "since", "游标“-5”无效")]
    [InlineData("/api/v1/changes?limit=0", "limit", "每次条数应在 1 到 500 之间")]
    public async Task Bad_query_parameters_get_a_400_with_a_zh_CN_message(string url, string parameter, string message)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("查询参数有误", problem.GetProperty("title").GetString());
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/content?year=abc", "year", "参数 year 的值“abc”无效，应为 -2147483648 到 2147483647 之间的整数。")]
    [InlineData("/api/v1/content?page=2.5", "page", "参数 page 的值“2.5”无效")]
    [InlineData("/api/v1/content?pageSize=99999999999", "pageSize", "参数 pageSize 的值“99999999999”无效")]
    [InlineData("/api/v1/changes?limit=ten", "limit", "参数 limit 的值“ten”无效")]
    [InlineData("/api/v1/search?q=%E9%80%9A%E5%91%8A&year=%E4%BB%8A%E5%B9%B4", "year", "参数 year 的值“今年”无效")]
    [InlineData("/api/v1/credit/licences?page=x", "page", "参数 page 的值“x”无效")]
    [InlineData("/api/v1/credit/penalties?pageSize=-", "pageSize", "参数 pageSize 的值“-”无效")]
    public async Task A_parameter_that_does_not_bind_gets_a_zh_CN_problem_too(string url, string parameter, string message)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("查询参数有误", problem.GetProperty("title").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
        Assert.Contains(message, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_api_address_answers_a_zh_CN_problem()
    {
        var response = await _client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("接口或资源不存在。", problem.GetProperty("title").GetString());

        // An endpoint's own problem keeps its wording.
        var missing = await (await _client.GetAsync("/api/v1/content/no-such-item")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("内容不存在或尚未发布。", missing.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_read_api()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/content", out _));
        Assert.True(paths.TryGetProperty("/api/v1/content/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/changes", out var changes));
        Assert.Contains(changes.GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "since");
    }

    [Fact]
    public async Task The_first_administrator_exists_with_the_configured_password()
    {
        using var scope = site.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Disclosure.Storage.Identity.DisclosureUser>>();
        var admin = await users.FindByNameAsync("admin");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, "Administrator"));
        Assert.True(await users.CheckPasswordAsync(admin, "Test-Admin-2026!"));
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

/// <summary>
/// One demo site shared by the tests of a collection (<see cref="DemoSiteGroup"/>, <see cref="PublishingSiteGroup"/>) or of
/// a class: setting up the demo content and its search index takes a moment.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public DisclosureSite Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await DisclosureSite.DemoAsync();
        _ = Site.Server; // starts the host on its copy of the demo's first start
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
