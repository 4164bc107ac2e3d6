using AngleSharp.Html.Parser;

namespace Disclosure.FakeWeChat;

/// <summary>
/// What the platform does not keep in an article's HTML (shared/reference/wechat-api.md §4). The real platform strips
/// these silently; the fake lists them as violations so a test can insist there are none.
/// </summary>
public static class ArticleRules
{
    private static readonly string[] Forbidden = ["script", "iframe", "form", "input", "object", "embed", "style", "link", "frame", "button", "select", "textarea"];

    public static IReadOnlyList<string> Check(string html, Func<string, bool> isUploadedImage)
    {
        var violations = new List<string>();
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            if (Forbidden.Contains(name))
            {
                violations.Add($"<{name}> is not allowed");
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add($"event attribute {attribute.Name} on <{name}>");
                }

                if (attribute.Name is "class")
                {
                    violations.Add($"class attribute on <{name}> (only inline styles survive)");
                }

                if (attribute.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add($"javascript: URL in {attribute.Name} on <{name}>");
                }
            }

            if (name == "a" && element.GetAttribute("href") is { } href && !href.StartsWith("https://mp.weixin.qq.com/", StringComparison.Ordinal))
            {
                violations.Add($"link to {href} (only links to the platform's own articles are kept)");
            }

            if (name == "img" && !isUploadedImage(element.GetAttribute("src") ?? string.Empty))
            {
                violations.Add($"image {element.GetAttribute("src")} was not uploaded with media/uploadimg");
            }
        }

        return violations;
    }
}
