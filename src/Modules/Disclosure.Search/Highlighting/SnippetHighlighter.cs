using System.Text;
using Disclosure.Search.Analysis;
using Disclosure.Search.Querying;

namespace Disclosure.Search.Highlighting;

/// <summary>
/// Our own highlighter (Lucene's is not obtainable here). The text is analysed with the same analyzer as the
/// index; wherever the tokens of a query term occur at consecutive positions — the same rule the phrase query
/// applies — their characters are marked. Overlapping bigrams merge into one mark (信息公开 → one
/// <c>&lt;mark&gt;</c>, not three). The snippet is the window holding the most matches; everything outside the
/// marks is HTML-escaped, so the result can be written into a page as is.
/// </summary>
public sealed class SnippetHighlighter(ChineseAnalyzer analyzer)
{
    /// <summary>Long bodies are only scanned this far for matches; snippets come from the beginning of a text anyway.</summary>
    public const int MaxAnalyzedChars = 20_000;

    private const string Ellipsis = "…";

    /// <summary>The whole text, escaped, with every match marked (for titles).</summary>
    public string HighlightAll(string text, IEnumerable<QueryTerm> terms)
    {
        var spans = FindSpans(text, terms.ToList());
        return Render(text, 0, text.Length, spans);
    }

    /// <summary>
    /// A snippet from the first text in which the query matches (the body, then the type's other fields), or
    /// from the beginning of the first non-empty one. Each text is analysed once.
    /// </summary>
    public string BestSnippet(IReadOnlyList<string> texts, IEnumerable<QueryTerm> terms, int length)
    {
        var list = terms.ToList();
        foreach (var text in texts)
        {
            var spans = FindSpans(text, list);
            if (spans.Count > 0)
            {
                return Cut(text, spans, length);
            }
        }

        return Cut(texts.FirstOrDefault(t => !string.IsNullOrEmpty(t)) ?? string.Empty, [], length);
    }

    /// <summary>About <paramref name="length"/> characters around the best cluster of matches, escaped and marked.</summary>
    public string Snippet(string text, IEnumerable<QueryTerm> terms, int length) =>
        string.IsNullOrEmpty(text) ? string.Empty : Cut(text, FindSpans(text, terms.ToList()), length);

    private static string Cut(string text, List<(int Start, int End)> spans, int length)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (spans.Count == 0)
        {
            var end = Math.Min(text.Length, length);
            return Render(text, 0, end, spans) + (end < text.Length ? Ellipsis : string.Empty);
        }

        // The window starting at a match that covers the most matched characters.
        var best = 0;
        var bestCovered = -1;
        for (var i = 0; i < spans.Count; i++)
        {
            var limit = spans[i].Start + length;
            var covered = 0;
            for (var j = i; j < spans.Count && spans[j].End <= limit; j++)
            {
                covered += spans[j].End - spans[j].Start;
            }

            if (covered > bestCovered)
            {
                best = i;
                bestCovered = covered;
            }
        }

        // Some context before the first match, starting after a sentence break when one is near.
        var lead = Math.Min(length / 4, 30);
        var start = Math.Max(0, spans[best].Start - lead);
        for (var k = spans[best].Start - 1; k >= start; k--)
        {
            if (text[k] is '。' or '！' or '？' or '；' or '\n' or '.' or '!' or '?')
            {
                start = k + 1;
                break;
            }
        }

        start = SkipLowSurrogate(text, start);
        var stop = Math.Min(text.Length, start + length);
        stop = SkipLowSurrogate(text, stop);
        var html = Render(text, start, stop, spans);
        return (start > 0 ? Ellipsis : string.Empty) + html.TrimEnd() + (stop < text.Length ? Ellipsis : string.Empty);
    }

    private List<(int Start, int End)> FindSpans(string text, List<QueryTerm> terms)
    {
        var spans = new List<(int Start, int End)>();
        if (terms.Count == 0 || string.IsNullOrEmpty(text))
        {
            return spans;
        }

        var tokens = analyzer.Tokenize(text.Length > MaxAnalyzedChars ? text[..MaxAnalyzedChars] : text);
        var byPosition = new Dictionary<int, AnalyzedToken>(tokens.Count);
        foreach (var token in tokens)
        {
            byPosition.TryAdd(token.Position, token);
        }

        foreach (var term in terms)
        {
            var first = term.Tokens[0];
            foreach (var token in tokens)
            {
                if (token.Term != first.Term)
                {
                    continue;
                }

                var start = token.Start;
                var end = token.End;
                var matched = true;
                for (var k = 1; k < term.Tokens.Count && matched; k++)
                {
                    var wanted = term.Tokens[k];
                    matched = byPosition.TryGetValue(token.Position + (wanted.Position - first.Position), out var actual) && actual.Term == wanted.Term;
                    end = Math.Max(end, actual.End);
                }

                if (matched)
                {
                    spans.Add((start, end));
                }
            }
        }

        // Merge overlapping or touching spans so adjacent bigrams become one mark.
        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<(int Start, int End)>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private static string Render(string text, int start, int stop, List<(int Start, int End)> spans)
    {
        var html = new StringBuilder((stop - start) + 32);
        var at = start;
        foreach (var (spanStart, spanEnd) in spans)
        {
            var s = Math.Max(spanStart, start);
            var e = Math.Min(spanEnd, stop);
            if (e <= s || s < at)
            {
                continue;
            }

            Escape(html, text, at, s);
            html.Append("<mark>");
            Escape(html, text, s, e);
            html.Append("</mark>");
            at = e;
        }

        Escape(html, text, at, stop);
        return html.ToString();
    }

    private static void Escape(StringBuilder html, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '&': html.Append("&amp;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\n': html.Append(' '); break;
                default: html.Append(c); break;
            }
        }
    }

    private static int SkipLowSurrogate(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index + 1 : index;
}
