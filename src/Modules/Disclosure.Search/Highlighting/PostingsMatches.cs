using Disclosure.Search.Querying;
using Lucene.Net.Index;

namespace Disclosure.Search.Highlighting;

/// <summary>
/// Where a query's terms match in one field of one document, read from the index's postings: for each token of
/// the query, the positions and character offsets it has in that document (the text fields are indexed with
/// offsets). A term of several tokens matches where all of them stand at the query's relative positions — the rule
/// <see cref="Lucene.Net.Search.PhraseQuery"/> applies — and its span runs from the first token's start to the
/// furthest end. Only the query's tokens are looked up, one terms-dictionary seek and one skip to the document
/// each, so the cost does not grow with the length of the text.
/// </summary>
internal sealed class PostingsMatches(IndexReader reader, IReadOnlyList<QueryTerm> terms)
{
    private readonly IList<AtomicReaderContext> _leaves = reader.Leaves;

    public List<(int Start, int End)> Find(int doc, string field)
    {
        var spans = new List<(int Start, int End)>();
        if (terms.Count == 0)
        {
            return spans;
        }

        var leaf = _leaves[ReaderUtil.SubIndex(doc, _leaves)];
        var occurrences = new Occurrences(leaf.AtomicReader, field, doc - leaf.DocBase);
        foreach (var term in terms)
        {
            var first = term.Tokens[0];
            foreach (var at in occurrences.Of(first.Term))
            {
                var end = at.End;
                var matched = true;
                for (var k = 1; k < term.Tokens.Count && matched; k++)
                {
                    var wanted = term.Tokens[k];
                    var position = at.Position + (wanted.Position - first.Position);
                    matched = false;
                    foreach (var other in occurrences.Of(wanted.Term))
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

    /// <summary>The occurrences of terms in one field of one document, each term read from the postings once.</summary>
    private sealed class Occurrences(AtomicReader reader, string field, int doc)
    {
        private readonly Dictionary<string, List<(int Position, int Start, int End)>> _byTerm = new(StringComparer.Ordinal);

        public List<(int Position, int Start, int End)> Of(string text)
        {
            if (_byTerm.TryGetValue(text, out var known))
            {
                return known;
            }

            var found = new List<(int Position, int Start, int End)>();
            var postings = reader.GetTermPositionsEnum(new Term(field, text));
            if (postings is not null && postings.Advance(doc) == doc)
            {
                for (var i = 0; i < postings.Freq; i++)
                {
                    var position = postings.NextPosition();
                    // -1 offsets: an index written without them (an older layout); nothing to mark rather than a wrong mark.
                    if (postings.StartOffset >= 0)
                    {
                        found.Add((position, postings.StartOffset, postings.EndOffset));
                    }
                }
            }

            _byTerm[text] = found;
            return found;
        }
    }
}
