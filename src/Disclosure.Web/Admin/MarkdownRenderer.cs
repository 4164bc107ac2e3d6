using Ganss.Xss;
using Markdig;

namespace Disclosure.Web.Admin;

/// <summary>Markdown to safe HTML, as the public will see it: pipe tables and the usual extensions, then sanitised.</summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();
    private static readonly HtmlSanitizer Sanitizer = new();

    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
