using Disclosure.Contents;
using Disclosure.Contents.Items;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Site.Controllers;

/// <summary>信息公开目录: the class tree beside a paged list (索引号, 名称, 文号, 发布日期) of the selected class and those below it.</summary>
public sealed class CatalogueController(PublishedContentQuery query, SiteContext site) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/catalogue/{code?}")]
    public async Task<IActionResult> Index(string? code, string? reach, int page = 1, CancellationToken cancellationToken = default)
    {
        // On an agency's site the list is its own (本级) unless the visitor chose 含下级 or 全部.
        if (await site.ListingAsync(reach, cancellationToken) is not { } listing)
        {
            return NotFound();
        }

        var tree = await site.CatalogueAsync(cancellationToken);
        var selected = code is null ? null : tree.Find(code);
        if (code is not null && selected is null)
        {
            return NotFound();
        }

        page = Math.Max(1, page);
        var rows = await query.ListAsync(new PublishedContentFilter(Catalogue: code, Agencies: listing.Agencies), page, PageSize, cancellationToken);
        var result = RowPage.From(rows);
        if (page > result.PageCount)
        {
            return NotFound();
        }

        return View(new CataloguePage(tree, selected, code is null ? [] : tree.PathTo(code), result, listing));
    }
}
