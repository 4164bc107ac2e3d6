using System.Text;
using Disclosure.Search.Indexing;
using Disclosure.Search.Querying;
using Lucene.Net.Index;

namespace Disclosure.Search.Highlighting;

/// <summary>
/// Marks what a query matched in a hit's texts. The matches come from the index itself: each text field keeps the
/// character offsets of its tokens in the postings (<see cref="PostingsMatches"/>), so nothing is analysed again and
/// only the query's own terms are read for the page's hits. Overlapping bigrams at consecutive positions become one
/// span (信息公开 → one <c>&lt;mark&gt;</c>), and a phrase is marked only where its tokens stand together.
/// <para>
/// Why not one of Lucene.Net.Highlighter's highlighters (tried, see bench/README.md): the vector highlighter finds
/// exactly these matches but decodes every hit's whole term vector (about 1 ms a hit on 200,000 items, more than the
/// search, and the vectors made the index 4.5 times larger), and the postings highlighter of Lucene.Net.ICU reads the
/// same offsets fast but marks each bigram of a phrase wherever it occurs (信息 in 信息安全 for 信息公开). Its
/// fragment builders cannot do the rest either: start the window after a sentence break (。！？；) near the first
/// match, show “…” where the text is cut, and escape only the HTML-significant characters (their
/// <c>SimpleHTMLEncoder</c> writes every Chinese character as a numeric entity), line breaks shown as spaces.
/// </para>
/// </summary>
public static class SnippetHighlighter
{
    /// <summary>
    /// Reads where the query matches in the text fields (<see cref="SearchFields.Searchable"/>) of the hits of one
    /// page, all at once (see <see cref="PostingsMatches"/>).
    /// </summary>
    public static HitHighlighter For(UserQuery query, IndexReader reader, IEnumerable<int> docs) =>
        new(new PostingsMatches(reader, query.Positive.ToList(), docs, SearchFields.Searchable));

    /// <summary>Highlights the given hits of one search on one reader.</summary>
    public sealed class HitHighlighter
    {
        private readonly PostingsMatches _matches;

        internal HitHighlighter(PostingsMatches matches) => _matches = matches;

        /// <summary>The character ranges of the stored text of <paramref name="field"/> the query matched, merged and in order.</summary>
        public List<(int Start, int End)> Matches(int doc, string field) => Merge(_matches.Find(doc, field));

        /// <summary>The whole text, escaped, with every match marked (for titles).</summary>
        public string HighlightAll(int doc, string field, string text) => Render(text, 0, text.Length, Matches(doc, field));

        /// <summary>
        /// A snippet from the first text in which the query matches (the body, then the type's other fields), or from
        /// the beginning of the first non-empty one.
        /// </summary>
        public string BestSnippet(int doc, IReadOnlyList<(string Field, string Text)> texts, int length)
        {
            foreach (var (field, text) in texts)
            {
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }

                var spans = Matches(doc, field);
                if (spans.Count > 0)
                {
                    return Cut(text, spans, length);
                }
            }

            return Cut(texts.Select(t => t.Text).FirstOrDefault(t => !string.IsNullOrEmpty(t)) ?? string.Empty, [], length);
        }
    }

    /// <summary>Overlapping or touching spans as one, so adjacent matches become one mark.</summary>
    private static List<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
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

    private const string Ellipsis = "…";

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
