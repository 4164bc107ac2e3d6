using Disclosure.Contents.Items;
using Disclosure.Storage.Agencies;
using Disclosure.Storage.Content;
using Disclosure.Storage.Settings;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Site.Controllers;

/// <summary>
/// 集约化 on the public site: the portal of every agency of the installation (机构导航, with what each has published)
/// and an agency's own 信息公开 page at <c>/a/{code}</c> — its contacts as its 标识设置 give them, its latest items
/// 本级 by default or, as the visitor chooses, 含下级 or 全部, and the agencies below it.
/// </summary>
public sealed class AgenciesController(AgencyDirectory agencies, PublishedContentQuery query, SiteIdentityStore identities) : Controller
{
    [HttpGet("/agencies")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var tree = await agencies.TreeAsync(cancellationToken);
        var counts = await query.PublishedCountsByAgencyAsync(cancellationToken);
        return View(new AgencyPortalPage(tree.All().Select(n => new AgencyPortalRow(n, counts.GetValueOrDefault(n.Code),
            tree.SubtreeCodes(n.Code).Sum(c => counts.GetValueOrDefault(c)))).ToList()));
    }

    [HttpGet("/a/{code}")]
    public async Task<IActionResult> Agency(string code, string? reach, int page = 1, CancellationToken cancellationToken = default)
    {
        var tree = await agencies.TreeAsync(cancellationToken);
        if (tree.Find(code) is not { } node || AgencyReaches.Parse(reach) is not { } chosen)
        {
            return NotFound();
        }

        page = Math.Max(1, page);
        var rows = RowPage.From(await query.ListAsync(new PublishedContentFilter(Agencies: tree.Reach(code, chosen)), page, CatalogueController.PageSize, cancellationToken));
        if (page > rows.PageCount)
        {
            return NotFound();
        }

        return View(new AgencyHomePage(node, tree.PathTo(code), await identities.LoadAsync(code, cancellationToken), chosen, rows));
    }
}
