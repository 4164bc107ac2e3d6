using Disclosure.Contents;
using Disclosure.Contents.Items;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Site.Controllers;

/// <summary>A listing per content type (办事指南, 规范性文件, 财政预决算, …).</summary>
public sealed class TypesController(PublishedContentQuery query, ContentDefinitionStore definitions, SiteContext site) : Controller
{
    [HttpGet("/types/{type}")]
    public async Task<IActionResult> Index(string type, string? reach, int page = 1, CancellationToken cancellationToken = default)
    {
        if (await definitions.FindAsync(type, cancellationToken) is not { } definition
            || await site.ListingAsync(reach, cancellationToken) is not { } listing)
        {
            return NotFound();
        }

        page = Math.Max(1, page);
        var rows = RowPage.From(await query.ListAsync(new PublishedContentFilter(ContentType: type, Agencies: listing.Agencies), page, CatalogueController.PageSize, cancellationToken));
        if (page > rows.PageCount)
        {
            return NotFound();
        }

        return View(new TypeListingPage(type, definition.DisplayName, definition.Description, rows, listing));
    }
}
