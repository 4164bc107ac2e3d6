using Disclosure.Contents;
using Disclosure.Contents.Catalogue;
using Disclosure.Contents.Items;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Site.Controllers;

/// <summary>首页 of the installation's own site: the latest disclosures, the 目录 classes and quick links (an agency's site has its own, <see cref="AgenciesController.Home"/>).</summary>
/// <remarks>The modules' services (依申请公开, 双公示 …) add their links as <see cref="QuickLink"/> services, in module order.</remarks>
public sealed class HomeController(PublishedContentQuery query, SiteContext site, IEnumerable<QuickLink> moduleLinks) : Controller
{
    private const int LatestCount = 10;

    [HttpGet("/")]
    [AgencySites.AgencySite(false)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var latest = await query.ListAsync(new PublishedContentFilter(), 1, LatestCount, cancellationToken);
        var tree = await site.CatalogueAsync(cancellationToken);
        var totals = await query.CountByCatalogueAsync(tree.Roots.Select(r => r.Code), cancellationToken: cancellationToken);
        var counts = tree.Roots.Select(root => (root, totals[root.Code])).ToList();

        QuickLink[] links =
        [
            new("政府信息公开指南", "/guide", "公开范围、方式、程序和监督方式"),
            new("信息公开目录", ItemUrls.Catalogue(), "按目录分类浏览主动公开的政府信息"),
            new("站内搜索", "/search", "按标题、正文、索引号、文号查找"),
            new("机构导航", "/agencies", "本平台各机构公开的信息"),
            .. moduleLinks,
            new("政府信息公开年报", ItemUrls.Catalogue("09"), "历年政府信息公开工作年度报告"),
        ];
        return View(new HomePage(latest.Items.Select(ListRow.From).ToList(), tree.Roots, counts, links));
    }
}
