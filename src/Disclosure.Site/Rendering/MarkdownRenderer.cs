using Ganss.Xss;
using Markdig;

namespace Disclosure.Site.Rendering;

/// <summary>Markdown to safe HTML, as the public will see it: pipe tables and the usual extensions, then sanitised.</summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    private static readonly HtmlSanitizer Sanitizer = new();

    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>An HTML field is sanitised again on output, whatever was stored, so an old unsafe value can never reach a reader.</summary>
    public static string SanitizeHtml(string? html) => string.IsNullOrWhiteSpace(html) ? string.Empty : Sanitizer.Sanitize(html);
}
