using AngleSharp.Html.Parser;
using Disclosure.Contents.Items;

namespace Disclosure.Supervision.Links;

/// <summary>One link found in an item: where it points (a site path for an internal link, else the absolute URL) and its text.</summary>
public sealed record FoundLink(string Url, string? Text, LinkKind Kind);

/// <summary>
/// The links of an item as the public reads them: the rendered body and fields (what <see cref="ItemPageBuilder"/> gives
/// the item page, so a link the page does not show is not checked) and the attachments. A relative link is resolved
/// against the item's page; a link to <c>Site:PublicUrl</c>'s host is internal. Fragments, <c>mailto:</c>, <c>tel:</c>
/// and other schemes are left alone.
/// </summary>
public sealed class LinkExtractor(Uri? publicRoot)
{
    /// <summary>A base no real host has, so a resolved relative link is known to be on this site.</summary>
    private static readonly Uri SiteBase = new("http://site.invalid/");

    private static readonly HtmlParser Parser = new();

    public IReadOnlyList<FoundLink> Extract(ItemPage page)
    {
        var links = new Dictionary<string, FoundLink>(StringComparer.Ordinal);
        var itemBase = new Uri(SiteBase, ItemUrls.Item(page.Id));
        foreach (var attachment in page.Attachments)
        {
            Add(links, new FoundLink(attachment.Url, attachment.Name, LinkKind.Attachment));
        }

        var html = string.Concat(new[] { page.BodyHtml }.Concat(page.Fields.Select(f => f.Html)).Concat(page.Blocks.Select(b => b.Html)));
        using var document = Parser.ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("a[href], img[src]"))
        {
            var raw = element.GetAttribute(element.LocalName == "a" ? "href" : "src")!.Trim();
            var text = element.LocalName == "a" ? element.TextContent.Trim() : element.GetAttribute("alt");
            if (Classify(raw, itemBase) is { } link)
            {
                Add(links, link with { Text = string.IsNullOrWhiteSpace(text) ? null : Truncate(text) });
            }
        }

        return [.. links.Values];
    }

    private FoundLink? Classify(string raw, Uri itemBase)
    {
        if (raw.Length == 0 || raw.StartsWith('#') || !Uri.TryCreate(itemBase, raw, out var url))
        {
            return null;
        }

        if (url.Scheme is not ("http" or "https"))
        {
            return null; // mailto:, tel:, javascript:, data: …
        }

        if (url.Host == SiteBase.Host || (publicRoot is not null && SameSite(url, publicRoot)))
        {
            var path = url.AbsolutePath;
            var kind = path.Contains("/attachments/", StringComparison.Ordinal) ? LinkKind.Attachment : LinkKind.Internal;
            return new FoundLink(url.Host == SiteBase.Host ? url.PathAndQuery : url.GetLeftPart(UriPartial.Query), null, kind);
        }

        return new FoundLink(url.GetLeftPart(UriPartial.Query), null, LinkKind.External);
    }

    private static bool SameSite(Uri url, Uri root) =>
        url.Host.Equals(root.Host, StringComparison.OrdinalIgnoreCase) && url.Port == root.Port;

    private static void Add(Dictionary<string, FoundLink> links, FoundLink link)
    {
        if (link.Url.Length <= BrokenLinkConfiguration.MaxUrlLength)
        {
            links.TryAdd(link.Url, link);
        }
    }

    private static string Truncate(string text) =>
        text.Length <= BrokenLinkConfiguration.MaxTextLength ? text : text[..BrokenLinkConfiguration.MaxTextLength];
}
