using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Disclosure.Channels.WeChat;

/// <summary>
/// Rewrites article HTML to what the platform accepts (shared/reference/wechat-api.md §4): no scripts, forms,
/// frames, embedded objects or event attributes; links become plain text (an external address is kept after the text
/// so a reader can still find it; the item's own page is the 阅读原文 link); classes and style sheets go, and the
/// few styles a readable article needs are written inline, with explicit borders and widths on tables.
/// Images are left for <see cref="WeChatArticleBuilder"/> to re-host.
/// </summary>
public static class WeChatHtml
{
    /// <summary>Removed with everything inside them.</summary>
    public static readonly IReadOnlySet<string> Removed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "form", "input", "button", "select", "textarea", "option", "optgroup",
        "object", "embed", "applet", "param", "link", "meta", "base", "noscript", "template", "svg", "math", "video", "audio",
        "source", "track", "canvas", "dialog", "label", "fieldset", "legend", "datalist", "output", "map", "area", "head", "title",
    };

    /// <summary>Kept; anything else not removed is unwrapped (its content kept, the element dropped).</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "span", "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "hr", "section", "div",
        "figure", "figcaption", "dl", "dt", "dd", "img",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
    };

    private static readonly Dictionary<string, string> InlineStyles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["p"] = "margin:0 0 12px;line-height:1.75;",
        ["h1"] = "font-size:20px;font-weight:bold;margin:16px 0 8px;",
        ["h2"] = "font-size:18px;font-weight:bold;margin:16px 0 8px;",
        ["h3"] = "font-size:16px;font-weight:bold;margin:14px 0 6px;",
        ["h4"] = "font-size:15px;font-weight:bold;margin:12px 0 6px;",
        ["blockquote"] = "margin:8px 0;padding:4px 12px;border-left:3px solid #ccc;color:#555;",
        ["pre"] = "white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:8px;",
        ["table"] = "border-collapse:collapse;width:100%;margin:8px 0;font-size:14px;table-layout:auto;",
        ["th"] = "border:1px solid #bbb;padding:4px 6px;background:#f3f3f3;font-weight:bold;text-align:left;vertical-align:top;word-break:break-all;",
        ["td"] = "border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top;word-break:break-all;",
        ["caption"] = "font-weight:bold;padding:4px 0;",
        ["img"] = "max-width:100%;height:auto;display:block;margin:8px auto;",
        ["ul"] = "padding-left:20px;margin:0 0 12px;",
        ["ol"] = "padding-left:20px;margin:0 0 12px;",
        ["li"] = "line-height:1.75;",
        ["hr"] = "border:none;border-top:1px solid #ddd;margin:16px 0;",
    };

    /// <summary>Attributes kept besides <c>style</c> (which is re-checked), per element.</summary>
    private static readonly Dictionary<string, string[]> KeptAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["img"] = ["src", "alt"],
        ["td"] = ["colspan", "rowspan"],
        ["th"] = ["colspan", "rowspan"],
        ["col"] = ["span"],
        ["colgroup"] = ["span"],
        ["ol"] = ["start"],
    };

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");

    /// <summary>Rewrites the body of <paramref name="document"/> in place.</summary>
    public static void Rewrite(IHtmlDocument document)
    {
        var body = document.Body!;
        foreach (var comment in body.Descendants<IComment>().ToList())
        {
            comment.Remove();
        }

        // Depth-first from the end, so unwrapping an element never skips its children.
        foreach (var element in body.QuerySelectorAll("*").Reverse().ToList())
        {
            var name = element.LocalName;
            if (Removed.Contains(name) || element.NamespaceUri != AngleSharp.Dom.NamespaceNames.HtmlUri)
            {
                element.Remove();
            }
            else if (name == "a")
            {
                UnwrapLink(element);
            }
            else if (!Allowed.Contains(name))
            {
                Unwrap(element);
            }
            else
            {
                CleanAttributes(element);
            }
        }
    }

    private static void UnwrapLink(IElement link)
    {
        var href = link.GetAttribute("href")?.Trim();
        var text = link.TextContent.Trim();
        if (href is not null && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && !string.Equals(text, href, StringComparison.Ordinal))
        {
            link.AppendChild(link.Owner!.CreateTextNode($"（{href}）"));
        }

        Unwrap(link);
    }

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent!;
        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }

    private static void CleanAttributes(IElement element)
    {
        var kept = KeptAttributes.GetValueOrDefault(element.LocalName) ?? [];
        var style = SafeStyle(element.GetAttribute("style"));
        foreach (var attribute in element.Attributes.ToList())
        {
            if (!kept.Contains(attribute.LocalName, StringComparer.OrdinalIgnoreCase) || attribute.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
            }
        }

        var inline = InlineStyles.GetValueOrDefault(element.LocalName) + style;
        if (inline.Length > 0)
        {
            element.SetAttribute("style", inline);
        }
    }

    /// <summary>An author's own inline style, unless it could load something or run script.</summary>
    private static string SafeStyle(string? style)
    {
        if (string.IsNullOrWhiteSpace(style))
        {
            return string.Empty;
        }

        string[] unsafeParts = ["url(", "expression(", "javascript:", "@import", "behavior:", "position:fixed"];
        if (unsafeParts.Any(p => style.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            return string.Empty;
        }

        var trimmed = style.Trim();
        return trimmed.EndsWith(';') ? trimmed : trimmed + ";";
    }
}
