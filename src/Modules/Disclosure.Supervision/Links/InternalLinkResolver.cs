using System.Text.Json.Nodes;
using Disclosure.Core.ContentManagement;
using Disclosure.Media;
using Disclosure.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Supervision.Links;

/// <summary>
/// Checks a link to this site by looking it up, not by requesting it: an item page by its published (or withdrawn)
/// version, an attachment by the published version naming it and the media store holding it — the same conditions
/// the public controllers apply — a 目录 page by its class, and any other path by the app's route table. Looking up
/// needs no reachable <c>Site:PublicUrl</c> (behind a proxy a node often cannot reach its own public address), puts no
/// load on the public site or its rate limits, and says exactly what is wrong (附件不存在, not only 404).
/// </summary>
public sealed class InternalLinkResolver(DisclosureDbContext db, MediaStore media, IServiceProvider services)
{
    private IReadOnlyList<TemplateMatcher>? _routes;

    public async Task<LinkVerdict> CheckAsync(string url, CancellationToken cancellationToken)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url.Split('?', '#')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

        // 集约化: an agency's site by path, /a/{code}/…, serves the same pages for that agency.
        if (segments is ["a", var agency, ..])
        {
            if (!await db.Agencies.AsNoTracking().AnyAsync(a => a.Code == agency, cancellationToken))
            {
                return LinkVerdict.Broken(LinkReasons.AgencyMissing);
            }

            segments = segments[2..];
            path = "/" + string.Join('/', segments.Select(Uri.EscapeDataString));
        }

        return segments switch
        {
            ["content", var id] => await ItemAsync(id, cancellationToken),
            ["content", var id, "qr.svg"] => await ItemAsync(id, cancellationToken),
            ["content", var id, "attachments", .. var rest] when rest.Length > 0 => await AttachmentAsync(id, string.Join('/', rest), cancellationToken),
            ["catalogue", var code] => await db.CatalogueClasses.AsNoTracking().AnyAsync(c => c.Code == code, cancellationToken)
                ? LinkVerdict.Ok
                : LinkVerdict.Broken(LinkReasons.CatalogueMissing, 404),
            _ => Routed(path) ? LinkVerdict.Ok : LinkVerdict.Broken(LinkReasons.PageMissing, 404),
        };
    }

    private async Task<LinkVerdict> ItemAsync(string id, CancellationToken cancellationToken)
    {
        var statuses = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Item.ContentItemId == id && (v.Status == ContentStatus.Published || v.Status == ContentStatus.Withdrawn))
            .Select(v => v.Status).ToListAsync(cancellationToken);
        return statuses.Contains(ContentStatus.Published) ? LinkVerdict.Ok
            : statuses.Count > 0 ? LinkVerdict.Broken(LinkReasons.ItemWithdrawn, 410)
            : LinkVerdict.Broken(LinkReasons.ItemMissing, 404);
    }

    private async Task<LinkVerdict> AttachmentAsync(string id, string path, CancellationToken cancellationToken)
    {
        var data = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Item.ContentItemId == id && v.Status == ContentStatus.Published)
            .Select(v => v.DataJson).FirstOrDefaultAsync(cancellationToken);
        if (data is null)
        {
            return await ItemAsync(id, cancellationToken) is { Outcome: LinkOutcome.Broken } item ? item : LinkVerdict.Broken(LinkReasons.AttachmentMissing, 404);
        }

        return MediaPaths(ContentData.Parse(data).Root).Contains(path) && StoredExists(path)
            ? LinkVerdict.Ok
            : LinkVerdict.Broken(LinkReasons.AttachmentMissing, 404);
    }

    private bool StoredExists(string path)
    {
        try
        {
            return media.Exists(path);
        }
        catch (ArgumentException)
        {
            return false; // a path the store refuses (dot segments, absolute) is one it never serves
        }
    }

    /// <summary>Whether a route of the app answers GET for the path. A host without routing (a tool) has no table: nothing to hold the link against.</summary>
    private bool Routed(string path)
    {
        _routes ??= services.GetService<EndpointDataSource>() is { } endpoints
            ? [.. endpoints.Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get))
                .Select(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new Microsoft.AspNetCore.Routing.RouteValueDictionary(e.RoutePattern.Defaults)))]
            : null;
        if (_routes is null)
        {
            return true;
        }

        var values = new Microsoft.AspNetCore.Routing.RouteValueDictionary();
        return _routes.Any(r =>
        {
            values.Clear();
            return r.TryMatch(path, values);
        });
    }

    /// <summary>Every media object's path in an item's data, wherever the type keeps it (as the attachment controller reads it).</summary>
    private static HashSet<string> MediaPaths(JsonNode? root)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode?>([root]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case JsonObject o when o["path"] is JsonValue path:
                    paths.Add(path.ToString());
                    break;
                case JsonObject o:
                    foreach (var (_, child) in o)
                    {
                        pending.Push(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }

        return paths;
    }
}
