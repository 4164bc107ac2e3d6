using System.Net;
using static Disclosure.Web.Tests.HtmlForms;

namespace Disclosure.Web.Tests.PublicSite;

/// <summary>
/// 集约化 on the public site: 机构导航 lists every agency in tree order with what it published (本级 and 含下级), and an
/// agency's page lists its own items unless the visitor chooses 含下级 or 全部.
/// </summary>
[Collection(DemoSiteGroup.Name)]
public sealed class AgencyPagesTests(SiteFixture site)
{
    private readonly HttpClient _client = site.Site.CreateClient();

    private static int Published(params string[] agencies) => DemoItem.All.Count(i => i.IsPublic && i.Agency is { } a && agencies.Contains(a));

    [Fact]
    public async Task The_portal_lists_every_agency_in_tree_order_with_its_own_and_its_subtrees_counts()
    {
        var html = await TextAsync(await _client.GetAsync("/agencies"));
        string[] order = ["永宁县公安局", "永宁县人民政府办公室", "西安市公安局", "徐州市民政局", "内蒙古自治区公安厅", "鄂尔多斯市公安局", "伊金霍洛旗公安局", "鄂尔多斯市公安局东胜区分局"];
        var positions = order.Select(name => html.IndexOf($">{name}</a>", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains($"<a href=\"/a/150000-103\">内蒙古自治区公安厅</a></th>\n                <td class=\"number\">{Published("150000-103")}</td>\n                <td class=\"number\">{Published("150000-103", "150627-103")}</td>", html);
        Assert.Contains($"<a href=\"/a/150600-103\">鄂尔多斯市公安局</a></th>\n                <td class=\"number\">0</td>\n                <td class=\"number\">{Published("150627-103")}</td>", html);
        Assert.Contains("href=\"/agencies\"", await _client.GetStringAsync("/"));
    }

    [Fact]
    public async Task An_agencys_page_is_its_own_unless_the_visitor_reaches_further()
    {
        var banner = DemoItem.All.First(i => i.IsPublic && i.Agency == "150627-103");
        var own = await TextAsync(await _client.GetAsync("/a/150600-103"));
        Assert.Contains("<h1>鄂尔多斯市公安局</h1>", own);
        Assert.DoesNotContain($"href=\"/a/150600-103/content/{banner.Id}\"", own);
        Assert.Contains("0477-8588110", own); // its own 标识设置
        Assert.Contains("href=\"/a/150627-103\">伊金霍洛旗公安局</a>", own); // 下级机构
        Assert.Contains("href=\"/a/150600-103?reach=subtree\">含下级</a>", own);

        var subtree = await TextAsync(await _client.GetAsync("/a/150600-103?reach=subtree"));
        Assert.Contains($"href=\"/a/150600-103/content/{banner.Id}\"", subtree);
        Assert.DoesNotContain($"href=\"/a/150600-103/content/{DemoItem.All.First(i => i.IsPublic && i.Agency == "150000-103").Id}\"", subtree); // the parent's is not below
        // 全部: every agency's items, newest first (the newest of all is 永宁县公安局's).
        var newest = DemoItem.All.Where(i => i.IsPublic).MaxBy(i => i.PublishedAt)!;
        Assert.NotEqual("150600-103", newest.Agency);
        Assert.Contains($"href=\"/a/150600-103/content/{newest.Id}\"", await TextAsync(await _client.GetAsync("/a/150600-103?reach=all")));

        // Where to apply: online to 伊金霍洛旗 (the form, on its own site, preselects it); 东胜区分局 takes applications by letter only.
        Assert.Contains("href=\"/a/150627-103/requests/apply?agency=150627-103\"", await TextAsync(await _client.GetAsync("/a/150627-103")));
        var district = await TextAsync(await _client.GetAsync("/a/150602-103"));
        Assert.DoesNotContain("/requests/apply", district[district.IndexOf("<h1>", StringComparison.Ordinal)..]);
        Assert.Contains("本机关通过信函或当面受理政府信息公开申请", district);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/a/999999-999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/a/150600-103?reach=everything")).StatusCode);
    }
}
