using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Contents.Sites;

/// <summary>
/// Which site-relative URLs stay inside an agency's site under <c>/a/{code}</c>: the public pages do; the admin, the
/// API, static assets, the portal and other agencies' sites (<c>/a/…</c>) are the installation's.
/// </summary>
public static class AgencySitePaths
{
    private static readonly string[] Outside = ["/admin", "/api", "/openapi", "/_content", "/media", "/a", "/agencies", "/account", "/health"];

    /// <summary>Whether <paramref name="url"/> (as written in a page) is a path on this site that the agency's site also serves.</summary>
    public static bool Follows(string url)
    {
        if (url.Length == 0 || url[0] != '/' || (url.Length > 1 && (url[1] == '/' || url[1] == '\\')))
        {
            return false;
        }

        var end = url.IndexOfAny(['?', '#']);
        var path = new PathString(end < 0 ? url : url[..end]);
        return !Outside.Any(o => path.StartsWithSegments(o, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The URL as the agency's site serves it: the request's path base (<c>/a/150627-103</c>) in front, when it follows.</summary>
    public static string Prefixed(HttpRequest request, string url) =>
        request.PathBase.HasValue && Follows(url) ? request.PathBase.Value + url : url;
}

/// <summary>
/// Keeps the theme's and the modules' links inside an agency's site: an <c>href</c> or form <c>action</c> written as
/// <c>/guide</c> becomes <c>/a/150627-103/guide</c> on that site's pages. Pages on the installation's site or on an
/// agency's own host name have no path base and are left as they are. One rule for every view, so no view needs to
/// know it may be on an agency's site.
/// </summary>
[HtmlTargetElement("a", Attributes = "href")]
[HtmlTargetElement("form", Attributes = "action")]
public sealed class AgencySiteLinkTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's own URL helpers (~/ resolution), so they have written their value first.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var pathBase = ViewContext.HttpContext.Request.PathBase;
        if (!pathBase.HasValue)
        {
            return;
        }

        var name = output.TagName == "form" ? "action" : "href";
        if (!output.Attributes.TryGetAttribute(name, out var attribute))
        {
            return;
        }

        // The value is a string for a literal or a single expression, HTML content for a mix of both; either way
        // the encoded text is what the page would send, and only its start matters.
        var encoder = ViewContext.HttpContext.RequestServices.GetService<HtmlEncoder>() ?? HtmlEncoder.Default;
        string encoded;
        switch (attribute.Value)
        {
            case string text:
                encoded = encoder.Encode(text);
                break;
            case IHtmlContent html:
                using (var writer = new StringWriter())
                {
                    html.WriteTo(writer, encoder);
                    encoded = writer.ToString();
                }

                break;
            default:
                return;
        }

        if (!AgencySitePaths.Follows(System.Net.WebUtility.HtmlDecode(encoded)))
        {
            return;
        }

        output.Attributes.SetAttribute(name, new HtmlString(encoder.Encode(pathBase.Value!) + encoded));
    }
}

/// <summary>The 本级 / 含下级 / 全部 choice above a list on an agency's site, each a link, the chosen one aria-current.</summary>
public sealed record ReachChoice(AgencyListing Listing, Func<string?, string> Url)
{
    public static readonly IReadOnlyList<(Storage.Agencies.AgencyReach Reach, string Label)> Choices =
        [(Storage.Agencies.AgencyReach.Own, "本级"), (Storage.Agencies.AgencyReach.WithSubordinates, "含下级"), (Storage.Agencies.AgencyReach.All, "全部")];

    public string UrlFor(Storage.Agencies.AgencyReach reach) => Url(AgencyListing.Value(reach));
}
