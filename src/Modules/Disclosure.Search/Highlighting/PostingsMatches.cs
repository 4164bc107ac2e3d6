using Disclosure.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Disclosure.Search.Highlighting;

/// <summary>
/// Where a query's terms match in the text fields of a page's hits, read from the index's postings: for each token
/// of the query, the positions and character offsets it has in each hit (the text fields are indexed with offsets).
/// A term of several tokens matches where all of them stand at the query's relative positions — the rule
/// <see cref="PhraseQuery"/> applies — and its span runs from the first token's start to the furthest end.
/// <para>
/// All the hits are read up front, segment by segment: per field and token one terms-dictionary seek, then one
/// forward walk of its postings through the segment's hits in doc order. Looking each hit up on its own would seek
/// every token again for every hit and field, which cost more than the rest of the page. Only the query's tokens
/// are read, so the cost does not grow with the length of the texts.
/// </para>
/// </summary>
internal sealed class PostingsMatches
{
    private readonly IReadOnlyList<QueryTerm> _terms;
    private readonly Dictionary<(int Doc, string Field, string Token), List<Occurrence>> _occurrences = [];

    public PostingsMatches(IndexReader reader, IReadOnlyList<QueryTerm> terms, IEnumerable<int> docs, IReadOnlyList<string> fields)
    {
        _terms = terms;
        var tokens = terms.SelectMany(t => t.Tokens).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        if (tokens.Count == 0)
        {
            return;
        }

        var leaves = reader.Leaves;
        foreach (var segment in docs.Distinct().Order().GroupBy(doc => ReaderUtil.SubIndex(doc, leaves)))
        {
            var leaf = leaves[segment.Key];
            foreach (var field in fields)
            {
                Read(leaf, field, tokens, segment.ToList());
            }
        }
    }

    /// <summary>The character ranges of <paramref name="field"/> in <paramref name="doc"/> (one of the page's hits) that match.</summary>
    public List<(int Start, int End)> Find(int doc, string field)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var term in _terms)
        {
            var first = term.Tokens[0];
            foreach (var at in Of(doc, field, first.Term))
            {
                var end = at.End;
                var matched = true;
                for (var k = 1; k < term.Tokens.Count && matched; k++)
                {
                    var wanted = term.Tokens[k];
                    var position = at.Position + (wanted.Position - first.Position);
                    matched = false;
                    foreach (var other in Of(doc, field, wanted.Term))
                    {
                        if (other.Position == position)
                        {
                            matched = true;
                            end = Math.Max(end, other.End);
                            break;
                        }
                    }
                }

                if (matched)
                {
                    spans.Add((at.Start, end));
                }
            }
        }

        return spans;
    }

    private static readonly List<Occurrence> None = [];

    private List<Occurrence> Of(int doc, string field, string token) =>
        _occurrences.TryGetValue((doc, field, token), out var found) ? found : None;

    private void Read(AtomicReaderContext leaf, string field, List<string> tokens, List<int> docs)
    {
        var terms = leaf.AtomicReader.GetTerms(field);
        if (terms is null)
        {
            return;
        }

        var dictionary = terms.GetEnumerator();
        DocsAndPositionsEnum? postings = null;
        foreach (var token in tokens)
        {
            if (!dictionary.SeekExact(new BytesRef(token)))
            {
                continue;
            }

            // Null when the field has no positions; deleted documents are never among the hits.
            postings = dictionary.DocsAndPositions(null, postings, DocsAndPositionsFlags.OFFSETS);
            if (postings is null)
            {
                continue;
            }

            foreach (var doc in docs)
            {
                var target = doc - leaf.DocBase;
                var at = postings.DocID >= target ? postings.DocID : postings.Advance(target);
                if (at == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                if (at == target)
                {
                    _occurrences[(doc, field, token)] = ReadOccurrences(postings);
                }
            }
        }
    }

    private static List<Occurrence> ReadOccurrences(DocsAndPositionsEnum postings)
    {
        var found = new List<Occurrence>(postings.Freq);
        for (var i = 0; i < postings.Freq; i++)
        {
            var position = postings.NextPosition();
            // -1 offsets: an index written without them (an older layout); nothing to mark rather than a wrong mark.
            if (postings.StartOffset >= 0)
            {
                found.Add(new Occurrence(position, postings.StartOffset, postings.EndOffset));
            }
        }

        return found;
    }

    private readonly record struct Occurrence(int Position, int Start, int End);
}
