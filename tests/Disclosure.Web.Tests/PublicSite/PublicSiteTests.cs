using System.Net;
using System.Xml.Linq;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.PublicSite;

/// <summary>The public pages over the demo content, read as HTML the way a crawler or a screen reader would.</summary>
[Collection(DemoSiteGroup.Name)]
public sealed class PublicSiteTests(SiteFixture fixture)
{
    private readonly HttpClient _client = fixture.Site.CreateClient(new() { AllowAutoRedirect = false });

    private static readonly DemoItem Seed003 = DemoItem.All.Single(i => i.Id == "yongning-2017-implementation-plan");

    [Fact]
    public async Task The_home_page_lists_the_latest_disclosures_and_every_catalogue_class()
    {
        var html = await _client.GetStringAsync("/");
        var newest = DemoItem.All.Where(i => i.IsPublic).OrderByDescending(i => i.PublishedAt).First();
        Assert.Contains($"href=\"/content/{newest.Id}\"", html);
        foreach (var code in new[] { "00", "01", "02", "03", "06", "09" })
        {
            Assert.Contains($"href=\"/catalogue/{code}\"", html);
        }

        Assert.Contains("<main", html);
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("href=\"/guide\"", html);
    }

    [Fact]
    public async Task A_catalogue_class_lists_its_items_and_those_below_it_with_the_four_columns()
    {
        var html = await _client.GetStringAsync("/catalogue/02");
        foreach (var column in new[] { "索引号", "名称", "文号", "发布日期" })
        {
            Assert.Contains($">{column}</th>", html);
        }

        var expected = DemoItem.All.Where(i => i.IsPublic && i.Catalogue is { } c && (c == "02" || c.StartsWith("02.", StringComparison.Ordinal))).Select(i => i.Id).Order().ToList();
        Assert.Equal(expected, await ListedIdsAsync("/catalogue/02"));
    }

    [Fact]
    public async Task Catalogue_lists_page_through_every_public_item_exactly_once()
    {
        var expected = DemoItem.All.Where(i => i.IsPublic).Select(i => i.Id).Order().ToList();
        Assert.Equal(expected, await ListedIdsAsync("/catalogue"));
    }

    /// <summary>Every item id in the list's rows, following the pager until it 404s.</summary>
    private async Task<List<string>> ListedIdsAsync(string path)
    {
        var seen = new List<string>();
        for (var page = 1; page < 100; page++)
        {
            var response = await _client.GetAsync($"{path}?page={page}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                break;
            }

            var html = await response.Content.ReadAsStringAsync();
            var tbody = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
            seen.AddRange(System.Text.RegularExpressions.Regex.Matches(tbody, "href=\"/content/([^\"]+)\"").Select(m => m.Groups[1].Value));
            if (!html.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        return seen.Order().ToList();
    }

    [Fact]
    public async Task The_item_page_shows_the_metadata_block_of_seed_003()
    {
        var html = await _client.GetStringAsync($"/content/{Seed003.Id}");
        Assert.Contains("<dt>索引号</dt><dd>640121-103/2017-", html);
        Assert.Contains("<dt>文号</dt><dd>永公(办)发【2017】28号</dd>", html);
        Assert.Contains("<dt>发布机构</dt><dd>永宁县公安局</dd>", html);
        Assert.Contains("<dt>有效性</dt><dd>有效</dd>", html);
        Assert.Contains("<dt>成文日期</dt><dd>2017-03-29</dd>", html);
        Assert.Contains("关于印发《永宁县公安局政务(执法)信息公开工作实施方案》的通知", html);
        Assert.Contains($"src=\"/content/{Seed003.Id}/qr.svg\"", html);
        Assert.Contains("href=\"/catalogue/02.03\"", html); // breadcrumb to its class
    }

    [Fact]
    public async Task Client_errors_keep_their_status_and_get_a_page_that_says_what_was_wrong()
    {
        // A method the page does not take: 405, not a 500 that would read as the site's fault.
        var method = await _client.DeleteAsync("/search");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Contains("请求方式有误", await method.Content.ReadAsStringAsync());

        // Another client error the page list does not name keeps its status too (405 for a POST to a GET-only feed).
        var feed = await _client.PostAsync("/feeds/01.atom", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, feed.StatusCode);
        Assert.DoesNotContain("服务暂时不可用", await feed.Content.ReadAsStringAsync());

        var unnamed = await _client.GetAsync("/error/418");
        Assert.Equal((HttpStatusCode)418, unnamed.StatusCode);
        Assert.Contains("请求有误", await unnamed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Drafts_are_not_public_and_unknown_pages_get_the_friendly_404()
    {
        var draft = DemoItem.All.First(i => i.PublishedAt is null);
        var response = await _client.GetAsync($"/content/{draft.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html);
        Assert.Contains("返回首页", html);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/catalogue/99.99")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/types/NoSuchType")).StatusCode);

        // The API keeps its machine-readable errors.
        var api = await _client.GetAsync("/api/v1/content/" + draft.Id);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_withdrawn_item_leaves_only_its_notice()
    {
        var withdrawn = DemoItem.All.First(i => i.Withdrawn);
        var response = await _client.GetAsync($"/content/{withdrawn.Id}");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("该信息已撤回", html);

        using var scope = fixture.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var version = await db.ContentVersions.Where(v => v.Item.ContentItemId == withdrawn.Id && v.Status == Core.ContentManagement.ContentStatus.Withdrawn).SingleAsync();
        Assert.Contains(version.WithdrawReason!, html);
        var body = Core.ContentManagement.ContentData.Parse(version.DataJson).GetString("BodyPart", "Markdown")!;
        var firstLine = body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        Assert.DoesNotContain(firstLine[..Math.Min(20, firstLine.Length)], html);
        Assert.DoesNotContain($"/content/{withdrawn.Id}\"", await _client.GetStringAsync("/catalogue"));
    }

    [Fact]
    public async Task The_guide_is_the_item_the_settings_name()
    {
        var html = await _client.GetStringAsync("/guide");
        Assert.Contains("永宁县公安局政府信息公开指南", html);
        Assert.Contains("20个工作日", html);
    }

    [Fact]
    public async Task Type_listings_show_only_that_type()
    {
        var html = await _client.GetStringAsync("/types/ServiceGuide?page=1");
        var guides = DemoItem.All.Where(i => i.IsPublic && i.Type == "ServiceGuide").ToList();
        Assert.Contains("办事指南", html);
        Assert.All(guides.OrderByDescending(g => g.PublishedAt).Take(5), g => Assert.Contains($"/content/{g.Id}\"", html));
        Assert.DoesNotContain($"/content/{Seed003.Id}\"", html);
    }

    [Fact]
    public async Task The_sitemap_and_the_atom_feed_are_well_formed_and_list_public_items_only()
    {
        var sitemap = XDocument.Parse(await _client.GetStringAsync("/sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(sm + "loc").Select(l => l.Value).ToList();
        Assert.Contains(locations, l => l.EndsWith($"/content/{Seed003.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(locations, l => l.EndsWith($"/content/{DemoItem.All.First(i => i.Withdrawn).Id}", StringComparison.Ordinal));
        Assert.Equal(DemoItem.All.Count(i => i.IsPublic), locations.Count(l => l.Contains("/content/", StringComparison.Ordinal)));

        var response = await _client.GetAsync("/feeds/02.03.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(DemoItem.All.Count(i => i.IsPublic && i.Catalogue == "02.03"), entries.Count);
        Assert.Contains(entries, e => e.Element(atom + "title")!.Value.Contains("政务(执法)信息公开工作实施方案", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/feeds/77.atom")).StatusCode);
    }

    [Fact]
    public async Task The_qr_code_is_an_svg_of_the_item_url()
    {
        var response = await _client.GetAsync($"/content/{Seed003.Id}/qr.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.True(svg.Root.Descendants().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value.Length > 500);
    }

    [Fact]
    public async Task Reader_preferences_persist_in_a_cookie_and_never_redirect_off_site()
    {
        var response = await _client.GetAsync("/preferences?font=large&returnUrl=%2Fcatalogue");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/catalogue", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("disclosure.reader=", StringComparison.Ordinal));
        Assert.Contains("max-age=", cookie, StringComparison.OrdinalIgnoreCase);

        var request = new HttpRequestMessage(HttpMethod.Get, "/catalogue");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Contains("<html lang=\"zh-CN\" class=\"font-large\">", await (await _client.SendAsync(request)).Content.ReadAsStringAsync());

        var offSite = await _client.GetAsync("/preferences?contrast=high&returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", offSite.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Attachments_are_served_only_when_the_published_version_refers_to_them()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/content/{Seed003.Id}/attachments/2026/11/0123456789abcdef0123456789abcdef.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/content/{Seed003.Id}/attachments/..%2F..%2Fdisclosure.db")).StatusCode);
    }
}
