using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Disclosure.Core.ContentManagement;
using Disclosure.Core.Settings;
using Disclosure.Storage;
using Disclosure.Storage.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.PublicSite;

/// <summary>
/// 集约化: each agency's own public site on the one installation, under <c>/a/{code}/…</c> or its own host name. Its
/// lists are its own (本级) unless the reader chooses 含下级 or 全部, its header and footer are its own, links stay on
/// it, and no cached page or validator of one site stands for another's. Expected lists come from the database.
/// </summary>
[Collection(DemoSiteGroup.Name)]
public sealed partial class AgencySitesTests(SiteFixture site)
{
    private const string Banner = "150627-103";     // 伊金霍洛旗公安局 (no agencies below it)
    private const string City = "150600-103";       // 鄂尔多斯市公安局 (伊金霍洛旗 and 东胜区 below it)
    private const string Own = "640121-103";        // 永宁县公安局, the installation's own agency
    private const string BannerHost = "yjhlq.example.gov.cn"; // recipes/demo.json

    private readonly HttpClient _client = site.Site.CreateClient(new() { AllowAutoRedirect = false });

    [Theory]
    [InlineData(Banner, null)]
    [InlineData(Banner, "subtree")]
    [InlineData(City, "subtree")]
    [InlineData(City, null)]
    public async Task The_catalogue_of_an_agency_site_lists_exactly_the_agencies_its_reach_covers(string agency, string? reach)
    {
        var (tree, published) = await PublishedAsync();
        var covered = reach is null ? [agency] : tree.SubtreeCodes(agency);
        var expected = published.Where(p => covered.Contains(p.Value)).Select(p => p.Key).ToHashSet();

        var listed = await AllListedAsync($"/a/{agency}/catalogue" + (reach is null ? string.Empty : $"?reach={reach}"), agency);
        Assert.Equal(expected.Order(), listed.Order());
        Assert.DoesNotContain(listed, id => published[id] == Own); // 永宁县公安局 is in no reach but 全部
        if (agency == City && reach == "subtree")
        {
            Assert.Contains(listed, id => published[id] == Banner); // 含下级 reaches 伊金霍洛旗
        }
    }

    [Fact]
    public async Task All_reaches_every_agency_and_the_choice_is_shown_with_the_chosen_one_current()
    {
        var (_, published) = await PublishedAsync();
        var all = await TextAsync(await _client.GetAsync($"/a/{Banner}/catalogue?reach=all"));
        Assert.Contains($"政府信息列表，共 {published.Count} 条", all);
        Assert.Contains($"<a href=\"/a/{Banner}/catalogue?reach=all\" aria-current=\"page\">全部</a>", all);

        var own = await TextAsync(await _client.GetAsync($"/a/{Banner}/catalogue"));
        Assert.Contains($"<a href=\"/a/{Banner}/catalogue\" aria-current=\"page\">本级</a>", own);
        Assert.Contains($"<a href=\"/a/{Banner}/catalogue?reach=subtree\">含下级</a>", own);

        // The installation's own site is unscoped and offers no choice, as before.
        var installation = await TextAsync(await _client.GetAsync("/catalogue"));
        Assert.Contains($"政府信息列表，共 {published.Count} 条", installation);
        Assert.DoesNotContain("aria-label=\"范围\"", installation);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/a/{Banner}/catalogue?reach=everything")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/a/{Banner}/search?q=公安&reach=nearby")).StatusCode);
    }

    [Fact]
    public async Task Type_listings_and_feeds_of_an_agency_site_are_its_own()
    {
        var (_, published) = await PublishedAsync();
        var item = DemoItem.All.First(i => i.IsPublic && i.Agency == Banner && i.Catalogue is not null);

        var type = await TextAsync(await _client.GetAsync($"/a/{Banner}/types/{item.Type}"));
        var ids = ContentLinks(type, Banner);
        Assert.Contains(item.Id, ids);
        Assert.All(ids, id => Assert.Equal(Banner, published[id]));

        var feed = await _client.GetStringAsync($"/a/{Banner}/feeds/{item.Catalogue}.atom");
        var entries = FeedEntryRegex().Matches(feed).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(item.Id, entries);
        Assert.All(entries, id => Assert.Equal(Banner, published[id]));
        Assert.Contains($"/a/{Banner}/content/{item.Id}", feed); // entry links stay on the agency's site

        // 全部 in the feed: the class's items of every agency, as the installation's own feed has them.
        var allFeed = await _client.GetStringAsync($"/a/{Banner}/feeds/{item.Catalogue}.atom?reach=all");
        var installationFeed = await _client.GetStringAsync($"/feeds/{item.Catalogue}.atom");
        Assert.Equal(FeedEntryRegex().Count(installationFeed), FeedEntryRegex().Count(allFeed));
    }

    [Fact]
    public async Task Search_on_an_agency_site_finds_its_own_items_unless_the_reader_reaches_further()
    {
        var (_, published) = await PublishedAsync();
        const string query = "公安";
        var own = await TextAsync(await _client.GetAsync($"/a/{Banner}/search?q={Uri.EscapeDataString(query)}"));
        var ownIds = ContentLinks(own, Banner);
        Assert.NotEmpty(ownIds);
        Assert.All(ownIds, id => Assert.Equal(Banner, published[id]));
        Assert.Contains($"<a href=\"/a/{Banner}/search?q={Uri.EscapeDataString(query)}\" aria-current=\"page\">本级</a>", own);

        var subtree = await TextAsync(await _client.GetAsync($"/a/{City}/search?q={Uri.EscapeDataString(query)}&reach=subtree"));
        Assert.All(ContentLinks(subtree, City), id => Assert.Contains(published[id], new[] { City, Banner, "150602-103" }));

        // 全部 finds what the installation's own search finds.
        var all = await TextAsync(await _client.GetAsync($"/a/{Banner}/search?q={Uri.EscapeDataString(query)}&reach=all"));
        var installation = await TextAsync(await _client.GetAsync($"/search?q={Uri.EscapeDataString(query)}"));
        Assert.Equal(Total(installation), Total(all));
        Assert.True(Total(own) < Total(all));
    }

    [Fact]
    public async Task An_agency_site_by_path_wears_the_agencys_name_identity_and_links()
    {
        var guide = await TextAsync(await _client.GetAsync($"/a/{Banner}/catalogue"));
        Assert.Contains($"<a class=\"site-name\" href=\"/a/{Banner}/\">伊金霍洛旗公安局</a>", guide);
        Assert.Contains("主办单位：伊金霍洛旗公安局", guide);
        Assert.Contains("电话：0477-8612110", guide);
        Assert.Contains($"action=\"/a/{Banner}/search\"", guide);
        Assert.Contains($"href=\"/a/{Banner}/guide\"", guide);
        Assert.Contains($"href=\"/a/{Banner}/site-theme.css?c=1f5c3a\"", guide);
        Assert.Contains("#1f5c3a", await _client.GetStringAsync($"/a/{Banner}/site-theme.css"));
        Assert.DoesNotContain("href=\"/guide\"", guide);

        // The application form on the agency's site preselects it; 双公示 is its own.
        var apply = await TextAsync(await _client.GetAsync($"/a/{Banner}/requests/apply"));
        Assert.Matches($"<option value=\"{Banner}\"[^>]*selected", apply);
    }

    [Fact]
    public async Task A_configured_host_name_is_that_agencys_site_and_no_other_header_switches_it()
    {
        // Port and case do not matter; the list is the only source.
        foreach (var url in new[] { $"http://{BannerHost}/catalogue", $"http://{BannerHost.ToUpperInvariant()}:8080/catalogue" })
        {
            var page = await TextAsync(await _client.GetAsync(url));
            Assert.Contains("<a class=\"site-name\" href=\"/\">伊金霍洛旗公安局</a>", page);
            Assert.Contains("主办单位：伊金霍洛旗公安局", page);
            Assert.Contains("电话：0477-8612110", page);
            Assert.Contains("href=\"/guide\"", page); // no path base on its own host
        }

        var home = await TextAsync(await _client.GetAsync($"http://{BannerHost}/"));
        Assert.Contains("<h1>伊金霍洛旗公安局</h1>", home);

        var siteName = await SettingAsync("SiteName");
        var unknown = await TextAsync(await _client.GetAsync("http://other.example.gov.cn/catalogue"));
        Assert.Contains($"<a class=\"site-name\" href=\"/\">{siteName}</a>", unknown);
        Assert.DoesNotContain("主办单位：伊金霍洛旗公安局", unknown);

        foreach (var (header, value) in new[] { ("X-Forwarded-Host", BannerHost), ("Forwarded", $"host={BannerHost}"), ("X-Original-Host", BannerHost), ("X-Host", BannerHost) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/catalogue");
            request.Headers.TryAddWithoutValidation(header, value);
            var page = await TextAsync(await _client.SendAsync(request));
            Assert.Contains($"<a class=\"site-name\" href=\"/\">{siteName}</a>", page);
            Assert.DoesNotContain("伊金霍洛旗公安局</a>", page[..page.IndexOf("</header>", StringComparison.Ordinal)]);
        }
    }

    [Fact]
    public async Task No_cached_page_or_validator_of_one_site_answers_for_another()
    {
        // The installation's /catalogue first, so its page is in the cache and its ETag known.
        var first = await _client.GetAsync("/catalogue");
        var again = await _client.GetAsync("/catalogue");
        var etag = again.Headers.ETag!;
        Assert.DoesNotContain("伊金霍洛旗公安局</a>", await TextAsync(again));

        // The same path on the agency's host, and under its path base: its own page, never a 304 for the other's ETag.
        foreach (var url in new[] { $"http://{BannerHost}/catalogue", $"/a/{Banner}/catalogue", $"/a/{City}/catalogue" })
        {
            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(etag);
            var response = await _client.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(etag, response.Headers.ETag);
            var name = url.Contains(City, StringComparison.Ordinal) ? "鄂尔多斯市公安局" : "伊金霍洛旗公安局";
            Assert.Contains($"{name}</a>", await TextAsync(response));
            Assert.Contains($"{name}</a>", await TextAsync(await _client.GetAsync(url))); // and again, from the cache
        }

        // And back: the installation's page is still its own.
        Assert.DoesNotContain("伊金霍洛旗公安局</a>", await TextAsync(await _client.GetAsync("/catalogue")));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task The_portal_links_each_agency_to_its_site_and_its_host_name()
    {
        var portal = await TextAsync(await _client.GetAsync("/agencies"));
        Assert.Contains($"<a href=\"/a/{Banner}\">伊金霍洛旗公安局</a><span class=\"agency-host\">（<a href=\"http://{BannerHost}/\">{BannerHost}</a>）</span>", portal);
        // The agency home keeps /a/{code} working, with its way back to the portal.
        var home = await TextAsync(await _client.GetAsync($"/a/{Banner}"));
        Assert.Contains("href=\"/agencies\"", home);
        Assert.Contains($"href=\"/a/{Banner}/catalogue\"", home);
    }

    [Fact]
    public async Task An_agency_site_shows_its_own_guide_when_it_names_one_and_the_installations_otherwise()
    {
        var installationGuide = await SettingAsync("GuideContentItemId");
        var ownGuide = DemoItem.All.First(i => i.IsPublic && i.Agency == Banner && i.Id != installationGuide).Id;
        string Title(DisclosureDbContext db, string id) => db.ContentVersions.AsNoTracking()
            .Where(v => v.Item.ContentItemId == id && v.Status == ContentStatus.Published).Select(v => v.Title).Single();

        using var scope = site.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        Assert.Contains($"<h1 id=\"item-title\">{Title(db, installationGuide)}</h1>", await TextAsync(await _client.GetAsync($"/a/{City}/guide")));

        db.AgencySettings.Add(new Disclosure.Storage.Entities.AgencySettingRecord { AgencyCode = Banner, Name = AgencySiteFields.GuideContentItemId, Value = ownGuide });
        await db.SaveChangesAsync();
        try
        {
            Assert.Contains($"<h1 id=\"item-title\">{Title(db, ownGuide)}</h1>", await TextAsync(await _client.GetAsync($"/a/{Banner}/guide")));
            Assert.Contains($"<h1 id=\"item-title\">{Title(db, installationGuide)}</h1>", await TextAsync(await _client.GetAsync("http://other.example.gov.cn/guide")));
        }
        finally
        {
            db.AgencySettings.Remove(await db.AgencySettings.SingleAsync(s => s.AgencyCode == Banner && s.Name == AgencySiteFields.GuideContentItemId));
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task The_read_api_of_an_agency_site_lists_its_own_unless_asked_further()
    {
        var (_, published) = await PublishedAsync();
        var own = JsonDocument.Parse(await _client.GetStringAsync($"/a/{Banner}/api/v1/content?pageSize=100")).RootElement;
        Assert.Equal(published.Count(p => p.Value == Banner), own.GetProperty("total").GetInt32());
        Assert.All(own.GetProperty("items").EnumerateArray(), i => Assert.Equal(Banner, i.GetProperty("agency").GetString()));

        var onHost = JsonDocument.Parse(await _client.GetStringAsync($"http://{BannerHost}/api/v1/content?pageSize=1")).RootElement;
        Assert.Equal(published.Count(p => p.Value == Banner), onHost.GetProperty("total").GetInt32());
        var all = JsonDocument.Parse(await _client.GetStringAsync($"http://{BannerHost}/api/v1/content?pageSize=1&reach=all")).RootElement;
        Assert.Equal(published.Count, all.GetProperty("total").GetInt32());
        var installation = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/content?pageSize=1")).RootElement;
        Assert.Equal(published.Count, installation.GetProperty("total").GetInt32());

        var penalties = JsonDocument.Parse(await _client.GetStringAsync($"/a/{Banner}/api/v1/credit/penalties?pageSize=100")).RootElement;
        Assert.All(penalties.GetProperty("items").EnumerateArray(), i => Assert.Equal(Banner, i.GetProperty("agency").GetProperty("code").GetString()));
        var allPenalties = JsonDocument.Parse(await _client.GetStringAsync($"/a/{Banner}/api/v1/credit/penalties?pageSize=100&reach=all")).RootElement;
        Assert.Equal(JsonDocument.Parse(await _client.GetStringAsync("/api/v1/credit/penalties?pageSize=1")).RootElement.GetProperty("total").GetInt32(),
            allPenalties.GetProperty("total").GetInt32());
        Assert.Contains(allPenalties.GetProperty("items").EnumerateArray(), i => i.GetProperty("agency").GetProperty("code").GetString() != Banner);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/a/{Banner}/api/v1/credit/penalties?reach=wide")).StatusCode);
    }

    private async Task<(AgencyTree Tree, Dictionary<string, string> Published)> PublishedAsync()
    {
        using var scope = site.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var tree = await scope.ServiceProvider.GetRequiredService<AgencyDirectory>().TreeAsync();
        var rows = await db.ContentVersions.AsNoTracking().Where(v => v.Status == ContentStatus.Published)
            .Select(v => new { v.Item.ContentItemId, v.AgencyCode }).ToListAsync();
        return (tree, rows.ToDictionary(r => r.ContentItemId, r => r.AgencyCode ?? string.Empty));
    }

    private async Task<string> SettingAsync(string name)
    {
        using var scope = site.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        return (await db.SiteSettings.AsNoTracking().SingleAsync(s => s.Name == name)).Value;
    }

    /// <summary>Every item a paged list shows, page by page, following its own 下一页 numbering.</summary>
    private async Task<List<string>> AllListedAsync(string url, string agency)
    {
        var ids = new List<string>();
        for (var page = 1; page < 100; page++)
        {
            var html = await TextAsync(await _client.GetAsync(url + (url.Contains('?') ? "&" : "?") + $"page={page}"));
            ids.AddRange(ContentLinks(html, agency));
            if (!html.Contains($"第 {page} / ", StringComparison.Ordinal) || html.Contains($"第 {page} / {page} 页", StringComparison.Ordinal))
            {
                break;
            }
        }

        return ids;
    }

    private static List<string> ContentLinks(string html, string agency) =>
        Regex.Matches(html, $"href=\"/a/{Regex.Escape(agency)}/content/([^\"/?#]+)\"").Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).Distinct().ToList();

    private static int Total(string searchPage) => int.Parse(TotalRegex().Match(searchPage).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<entry>\\s*<title>[^<]*</title>\\s*<id>[^<]*/content/([^<]+)</id>")]
    private static partial Regex FeedEntryRegex();

    [GeneratedRegex("共找到 (\\d+) 条结果")]
    private static partial Regex TotalRegex();
}
