using Disclosure.Contents;
using Disclosure.Contents.Items;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Site.Controllers;

/// <summary>
/// 政府信息公开指南: a published item the office names in the <c>GuideContentItemId</c> setting, so it is edited and
/// reviewed like any other; on an agency's site the agency's own guide item when it names one.
/// </summary>
public sealed class GuideController(PublishedContentQuery query, ItemPageBuilder builder, SiteContext site) : Controller
{
    [HttpGet("/guide")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await site.GuideItemIdAsync(cancellationToken) is not { } id
            || await query.FindPublicAsync(id, cancellationToken) is not { Version.Status: Core.ContentManagement.ContentStatus.Published } content)
        {
            return NotFound();
        }

        return View(await builder.BuildAsync(content.Item, content.Version, previewNote: null, cancellationToken));
    }
}
