using Ganss.Xss;

namespace Disclosure.Core.ContentManagement;

/// <summary>
/// The one sanitiser policy for HTML written by staff or rendered from their Markdown. On top of the library's
/// defaults (no script, no event handlers, no <c>javascript:</c> URLs) it drops <c>style</c> and <c>class</c>: a
/// <c>style="position:fixed…"</c> could lay a fake notice over the page, and a class could borrow the theme's own
/// look (a warning box, a hidden element). The site's Content-Security-Policy refuses inline styles as well.
/// </summary>
public static class PublicHtml
{
    public static HtmlSanitizer NewSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedTags.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;
    }
}
