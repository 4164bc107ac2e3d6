using System.Text.Json;
using System.Text.RegularExpressions;
using Disclosure.Core.ContentManagement;
using Disclosure.Storage;
using Disclosure.Storage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.PublicSite;

/// <summary>
/// The scoping of an agency's public site holds on PostgreSQL as on SQLite: the reach becomes an <c>IN</c> over agency
/// codes in each engine's SQL, so the demo site is set up on each and its 目录 and read API are compared with the rows.
/// </summary>
public sealed partial class AgencySiteScopeOnEitherEngineTests
{
    private const string Banner = "150627-103"; // 伊金霍洛旗公安局
    private const string City = "150600-103";   // 鄂尔多斯市公安局, with 伊金霍洛旗 and 东胜区 below it
    private static readonly string[] CityAndBelow = [City, Banner, "150602-103"];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_agency_site_lists_its_own_items_and_decisions_unless_the_reader_reaches_further(DatabaseProvider engine)
    {
        await using var site = await DisclosureSite.DemoAsync(engine);
        var client = site.CreateClient();
        Dictionary<string, string> published;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
            published = (await db.ContentVersions.AsNoTracking().Where(v => v.Status == ContentStatus.Published)
                .Select(v => new { v.Item.ContentItemId, v.AgencyCode }).ToListAsync()).ToDictionary(r => r.ContentItemId, r => r.AgencyCode ?? string.Empty);
        }

        Assert.Contains(published.Values, a => a == Banner);
        Assert.Contains(published.Values, a => !CityAndBelow.Contains(a)); // 永宁县公安局's items, outside the city's reach

        // 本级: the 目录 and the read API of 伊金霍洛旗's site list exactly its items.
        var expected = published.Where(p => p.Value == Banner).Select(p => p.Key).Order().ToList();
        Assert.Equal(expected, ContentLinks(await client.GetStringAsync($"/a/{Banner}/catalogue"), Banner).Order());
        var api = JsonDocument.Parse(await client.GetStringAsync($"/a/{Banner}/api/v1/content?pageSize=100")).RootElement;
        Assert.Equal(expected, api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order());

        // 含下级 from the city: its subtree's items, never 永宁县's; 全部: every item.
        var subtree = JsonDocument.Parse(await client.GetStringAsync($"/a/{City}/api/v1/content?pageSize=100&reach=subtree")).RootElement;
        Assert.Equal(published.Count(p => CityAndBelow.Contains(p.Value)), subtree.GetProperty("total").GetInt32());
        Assert.All(subtree.GetProperty("items").EnumerateArray(), i => Assert.Contains(i.GetProperty("agency").GetString(), CityAndBelow));
        var all = JsonDocument.Parse(await client.GetStringAsync($"/a/{Banner}/api/v1/content?pageSize=1&reach=all")).RootElement;
        Assert.Equal(published.Count, all.GetProperty("total").GetInt32());

        // 双公示 through the agency's read API: its decisions only, every agency's with 全部.
        var penalties = JsonDocument.Parse(await client.GetStringAsync($"/a/{Banner}/api/v1/credit/penalties?pageSize=100")).RootElement;
        var own = penalties.GetProperty("total").GetInt32();
        Assert.InRange(own, 1, 100);
        Assert.Equal(own, penalties.GetProperty("items").GetArrayLength());
        Assert.All(penalties.GetProperty("items").EnumerateArray(), i => Assert.Equal(Banner, i.GetProperty("agency").GetProperty("code").GetString()));
        var everyAgency = JsonDocument.Parse(await client.GetStringAsync($"/a/{Banner}/api/v1/credit/penalties?pageSize=1&reach=all")).RootElement.GetProperty("total").GetInt32();
        Assert.Equal(JsonDocument.Parse(await client.GetStringAsync("/api/v1/credit/penalties?pageSize=1")).RootElement.GetProperty("total").GetInt32(), everyAgency);
        Assert.True(everyAgency > own);
    }

    private static List<string> ContentLinks(string html, string agency) =>
        Regex.Matches(html, $"href=\"/a/{Regex.Escape(agency)}/content/([^\"/?#]+)\"").Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).Distinct().ToList();
}
