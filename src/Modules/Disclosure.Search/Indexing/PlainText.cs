using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;

namespace Disclosure.Search.Indexing;

/// <summary>Turns authored Markdown and HTML into the plain text that is indexed and shown in snippets.</summary>
public static partial class PlainText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static string FromMarkdown(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        // Markdig's plain-text renderer drops the markup; raw HTML inside the Markdown is stripped after it.
        return FromHtml(Markdown.ToPlainText(markdown, Pipeline));
    }

    public static string FromHtml(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var withoutScripts = ScriptOrStyle().Replace(html, " ");
        var withBreaks = BlockTag().Replace(withoutScripts, "\n");
        var text = WebUtility.HtmlDecode(AnyTag().Replace(withBreaks, string.Empty));
        return Tidy(text);
    }

    /// <summary>Collapses runs of spaces and blank lines, so snippets do not show layout whitespace.</summary>
    public static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
            {
                pendingBreak = builder.Length > 0;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingBreak)
            {
                builder.Append('\n');
            }
            else if (pendingSpace)
            {
                builder.Append(' ');
            }

            pendingBreak = pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<\s*/?\s*(p|div|br|li|tr|h[1-6]|table|ul|ol|blockquote|section|article)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
}
