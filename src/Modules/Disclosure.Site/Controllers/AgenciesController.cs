using Disclosure.Contents;
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
public sealed class AgenciesController(AgencyDirectory agencies, PublishedContentQuery query, SiteIdentityStore identities, AgencySiteStore sites, SiteContext site) : Controller
{
    [HttpGet("/agencies")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var tree = await agencies.TreeAsync(cancellationToken);
        var counts = await query.PublishedCountsByAgencyAsync(cancellationToken);
        var hosts = (await sites.HostMapAsync(cancellationToken)).ToLookup(h => h.Value, h => h.Key);
        return View(new AgencyPortalPage(tree.All().Select(n => new AgencyPortalRow(n, counts.GetValueOrDefault(n.Code),
            tree.SubtreeCodes(n.Code).Sum(c => counts.GetValueOrDefault(c)), hosts[n.Code].Order(StringComparer.Ordinal).FirstOrDefault())).ToList()));
    }

    /// <summary>An agency's site's home (<c>/a/{code}</c>, or <c>/</c> on its host name): the agency page below.</summary>
    [HttpGet("/")]
    [AgencySites.AgencySite(true)]
    public Task<IActionResult> Home(string? reach, int page = 1, CancellationToken cancellationToken = default) =>
        Agency(site.AgencyCode!, reach, page, cancellationToken);

    /// <summary>
    /// The agency's 主色调 as a stylesheet (the Content-Security-Policy allows no inline styles): the header colour
    /// behind white text, outside the high-contrast mode, which keeps its own colours. Empty on a site without one.
    /// </summary>
    [HttpGet("/site-theme.css")]
    public async Task<IActionResult> Theme(CancellationToken cancellationToken)
    {
        var color = (await site.AgencySiteAsync(cancellationToken)).PrimaryColor;
        // The stored value was validated (#rrggbb, contrast with white), and AgencySite drops any other.
        var css = color.Length == 0 ? string.Empty : $"html:not(.high-contrast) {{ --accent: {color}; --accent-text: #ffffff; }}\n";
        return Content(css, "text/css; charset=utf-8");
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

        return View("Agency", new AgencyHomePage(node, tree.PathTo(code), await identities.LoadAsync(code, cancellationToken), chosen, rows));
    }
}
