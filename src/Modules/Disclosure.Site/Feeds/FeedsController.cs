using System.Globalization;
using System.Xml;
using Disclosure.Contents;
using Disclosure.Contents.Catalogue;
using Disclosure.Contents.Items;
using Disclosure.Core.Time;
using Disclosure.Storage;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Site.Feeds;

/// <summary>sitemap.xml for search engines and an Atom feed per 目录 class for readers and aggregators.</summary>
public sealed class FeedsController(DisclosureDbContext db, PublishedContentQuery query, SiteContext site, PublicUrls urls) : Controller
{
    private const int FeedSize = 50;

    /// <summary>The sitemap protocol allows 50,000 URLs per file; beyond that offices would need an index file.</summary>
    private const int SitemapLimit = 50_000;

    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        // An agency's site maps its own items; the installation's maps everything.
        var own = site.AgencyCode;
        var items = await db.ContentVersions.AsNoTracking()
            .Where(v => v.Status == Core.ContentManagement.ContentStatus.Published)
            .Where(v => own == null || v.AgencyCode == own)
            .OrderByDescending(v => v.PublishedUtc)
            .Take(SitemapLimit)
            .Select(v => new { v.Item.ContentItemId, v.PublishedUtc })
            .ToListAsync(cancellationToken);
        var tree = await site.CatalogueAsync(cancellationToken);

        return Xml(writer =>
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            SitemapUrl(writer, "/", null);
            SitemapUrl(writer, "/guide", null);
            SitemapUrl(writer, ItemUrls.Catalogue(), null);
            foreach (var node in Flatten(tree.Roots))
            {
                SitemapUrl(writer, ItemUrls.Catalogue(node.Code), null);
            }

            foreach (var item in items)
            {
                SitemapUrl(writer, ItemUrls.Item(item.ContentItemId), item.PublishedUtc);
            }

            writer.WriteEndElement();
        }, "application/xml");
    }

    [HttpGet("/feeds/{code}.atom")]
    public async Task<IActionResult> Atom(string code, string? reach, CancellationToken cancellationToken)
    {
        var tree = await site.CatalogueAsync(cancellationToken);
        // On an agency's site a feed carries the agency's own items unless it was asked for 含下级 or 全部.
        if (tree.Find(code) is not { } node || await site.ListingAsync(reach, cancellationToken) is not { } listing)
        {
            return NotFound();
        }

        var siteName = await site.SiteNameAsync(cancellationToken);
        var identity = await site.IdentityAsync(cancellationToken);
        // The feed's author is who runs the site (主办单位), else the office itself, from 站点设置.
        var author = new[] { identity.Sponsor, identity.AgencyName, siteName }.First(n => n.Length > 0);
        var page = await query.ListAsync(new PublishedContentFilter(Catalogue: code, Agencies: listing.Agencies), 1, FeedSize, cancellationToken);
        const string atom = "http://www.w3.org/2005/Atom";
        return Xml(writer =>
        {
            writer.WriteStartElement("feed", atom);
            writer.WriteAttributeString("xml", "lang", null, "zh-CN");
            writer.WriteElementString("title", atom, $"{siteName} - {node.Name}");
            writer.WriteElementString("id", atom, urls.Absolute(Request, listing.With(ItemUrls.Feed(code))));
            writer.WriteElementString("updated", atom, Stamp(page.Items.Count > 0 ? page.Items[0].Version.PublishedUtc ?? DateTime.UnixEpoch : DateTime.UnixEpoch));
            Link(writer, "self", urls.Absolute(Request, listing.With(ItemUrls.Feed(code))), "application/atom+xml");
            Link(writer, "alternate", urls.Absolute(Request, listing.With(ItemUrls.Catalogue(code))), "text/html");
            writer.WriteStartElement("author", atom);
            writer.WriteElementString("name", atom, author);
            writer.WriteEndElement();
            foreach (var entry in page.Items)
            {
                var url = urls.Absolute(Request, ItemUrls.Item(entry.Item.ContentItemId));
                writer.WriteStartElement("entry", atom);
                writer.WriteElementString("title", atom, entry.Version.Title);
                writer.WriteElementString("id", atom, url);
                writer.WriteElementString("updated", atom, Stamp(entry.Version.PublishedUtc ?? DateTime.UnixEpoch));
                writer.WriteElementString("published", atom, Stamp(entry.Version.PublishedUtc ?? DateTime.UnixEpoch));
                Link(writer, "alternate", url, "text/html");
                var summary = string.Join("　", new[] { entry.Item.IndexNumber, entry.Version.DocumentNumber }.Where(s => !string.IsNullOrEmpty(s)));
                if (summary.Length > 0)
                {
                    writer.WriteElementString("summary", atom, summary);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }, "application/atom+xml");

        static void Link(XmlWriter writer, string rel, string href, string type)
        {
            writer.WriteStartElement("link", atom);
            writer.WriteAttributeString("rel", rel);
            writer.WriteAttributeString("href", href);
            writer.WriteAttributeString("type", type);
            writer.WriteEndElement();
        }
    }

    private void SitemapUrl(XmlWriter writer, string path, DateTime? lastModified)
    {
        writer.WriteStartElement("url");
        writer.WriteElementString("loc", urls.Absolute(Request, path));
        if (lastModified is { } at)
        {
            writer.WriteElementString("lastmod", Stamp(at));
        }

        writer.WriteEndElement();
    }

    private static string Stamp(DateTime utc) => DateText.Utc(utc);

    private static IEnumerable<CatalogueNode> Flatten(IEnumerable<CatalogueNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    private ContentResult Xml(Action<XmlWriter> write, string contentType)
    {
        var buffer = new StringWriterUtf8();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true }))
        {
            write(writer);
        }

        return Content(buffer.ToString(), contentType + "; charset=utf-8");
    }

    /// <summary>Makes the XML declaration say UTF-8, which is what the response is sent as.</summary>
    private sealed class StringWriterUtf8() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
