using Disclosure.Core.ContentManagement;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.GenericAttributes;

namespace Disclosure.Contents.Rendering;

/// <summary>Markdown to safe HTML, as the public will see it: pipe tables and the usual extensions, then sanitised.</summary>
/// <remarks>
/// Raw HTML is off, and so is the generic attributes extension that <c>UseAdvancedExtensions</c> brings along:
/// <c>{style="position:fixed…" .class onclick=…}</c> after a heading or paragraph would otherwise become attributes.
/// The sanitiser (<see cref="PublicHtml"/>) drops style, class and event handlers from whatever is left.
/// </remarks>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();
    private static readonly HtmlSanitizer Sanitizer = PublicHtml.NewSanitizer();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml();
        builder.Extensions.RemoveAll(extension => extension is GenericAttributesExtension);
        return builder.Build();
    }

    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>An HTML field is sanitised again on output, whatever was stored, so an old unsafe value can never reach a reader.</summary>
    public static string SanitizeHtml(string? html) => string.IsNullOrWhiteSpace(html) ? string.Empty : Sanitizer.Sanitize(html);
}
