using System.Text.Json.Nodes;
using Disclosure.Contents;
using Disclosure.Contents.Items;
using Disclosure.Contents.Rendering;
using Disclosure.Core.ContentManagement;
using Disclosure.Media;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;

namespace Disclosure.Site.Controllers;

/// <summary>An item page, its attachments and its QR code. Only published (or withdrawn, as a notice) versions are public.</summary>
public sealed class ContentController(PublishedContentQuery query, ItemPageBuilder builder, MediaStore media, PublicUrls urls) : Controller
{
    [HttpGet("/content/{id}")]
    public async Task<IActionResult> Show(string id, CancellationToken cancellationToken)
    {
        if (await query.FindPublicAsync(id, cancellationToken) is not { } content)
        {
            return NotFound();
        }

        var page = await builder.BuildAsync(content.Item, content.Version, previewNote: null, cancellationToken);
        if (page.Withdrawn is not null)
        {
            // 410 tells crawlers to drop the page; readers still get the notice in place of the item.
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        ViewData["CanonicalUrl"] = urls.Absolute(Request, ItemUrls.Item(id));
        return View(page);
    }

    /// <summary>Serves an attachment only while the item's published version refers to it, so drafts' files never leak.</summary>
    [HttpGet("/content/{id}/attachments/{**path}")]
    public async Task<IActionResult> Attachment(string id, string path, CancellationToken cancellationToken)
    {
        if (await query.FindPublicAsync(id, cancellationToken) is not { } content
            || content.Version.Status != ContentStatus.Published
            || !ReferencedPaths(ContentData.Parse(content.Version.DataJson).Root).Contains(path)
            || !media.Exists(path))
        {
            return NotFound();
        }

        var name = FindName(ContentData.Parse(content.Version.DataJson).Root, path) ?? Path.GetFileName(path);
        new FileExtensionContentTypeProvider().TryGetContentType(path, out var contentType);
        return File(media.OpenRead(path), contentType ?? "application/octet-stream", name);
    }

    [HttpGet("/content/{id}/qr.svg")]
    public async Task<IActionResult> Qr(string id, CancellationToken cancellationToken)
    {
        if (await query.FindPublicAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=86400";
        return Content(QrCodeSvg.Render(urls.Absolute(Request, ItemUrls.Item(id)), "用手机扫描二维码打开本页"), "image/svg+xml; charset=utf-8");
    }

    private static HashSet<string> ReferencedPaths(JsonNode node) => Walk(node).Select(o => o["path"]!.ToString()).ToHashSet(StringComparer.Ordinal);

    private static string? FindName(JsonNode node, string path) =>
        Walk(node).FirstOrDefault(o => o["path"]!.ToString() == path)?["name"]?.ToString();

    /// <summary>Every media object (one with a path) anywhere in the item's data.</summary>
    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when o["path"] is JsonValue:
                yield return o;
                break;
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    foreach (var found in Walk(child))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var found in Walk(child))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
