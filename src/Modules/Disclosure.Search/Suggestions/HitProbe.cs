using Disclosure.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Disclosure.Search.Suggestions;

/// <summary>
/// Whether a query would find anything, and roughly how much, without ranking, faceting or highlighting: the cheap
/// check behind every suggestion and correction (only what has hits is ever offered). The search runs as
/// <see cref="SearchService"/> would run it (the same parser and Lucene queries) within the same filters.
/// </summary>
internal sealed class HitProbe(IndexSearcher searcher, SearchService search, SearchFilters filters)
{
    public IndexSearcher Searcher => searcher;

    public SearchFilters Filters => filters;

    /// <summary>Whether <paramref name="query"/> (as typed into the box) finds at least one item.</summary>
    public bool Any(string query) => Count(query, 1) > 0;

    /// <summary>How many items <paramref name="query"/> finds, counting no further than <paramref name="limit"/>.</summary>
    public int Count(string query, int limit)
    {
        var parsed = search.Parse(query);
        if (parsed.Query is not { } userQuery)
        {
            return 0;
        }

        return Count(Within(search.Prepare(userQuery, query).TextOrIdentifier), limit);
    }

    /// <summary>How many items a Lucene query finds within the filters, counting no further than <paramref name="limit"/>.</summary>
    public int Count(Query query, int limit)
    {
        var collector = new LimitedCounter(limit);
        searcher.Search(query, collector);
        return collector.Count;
    }

    /// <summary><paramref name="query"/> limited to the filters (type, 目录, 发布机构, year, the site's agencies).</summary>
    public Query Within(Query query)
    {
        if (LuceneQueryBuilder.Filters(filters) is not { } only)
        {
            return query;
        }

        return new BooleanQuery(disableCoord: true) { { query, Occur.MUST }, { only, Occur.MUST } };
    }

    /// <summary>Counts matches and stops the search as soon as it has enough (Lucene skips the rest of each segment).</summary>
    private sealed class LimitedCounter(int limit) : ICollector
    {
        public int Count { get; private set; }

        // In order, for the reason SearchService's collectors are (an out-of-order one builds every scorer twice).
        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            if (Count >= limit)
            {
                throw new CollectionTerminatedException();
            }
        }

        public void Collect(int doc)
        {
            if (++Count >= limit)
            {
                throw new CollectionTerminatedException();
            }
        }
    }
}

/// <summary>Term look-ups in the index's dictionary, for completing a word being typed and correcting a misspelt one.</summary>
internal static class IndexTerms
{
    /// <summary>
    /// The terms of <paramref name="field"/> starting with <paramref name="prefix"/>, the <paramref name="take"/> found
    /// in most documents, looking at no more than <paramref name="scan"/> terms (a one-letter prefix can have thousands).
    /// </summary>
    public static List<string> WithPrefix(IndexReader reader, string field, string prefix, int take, int scan = 2000)
    {
        var found = new List<(string Term, int DocFreq)>();
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null || prefix.Length == 0)
        {
            return [];
        }

        var start = new BytesRef(prefix);
        var enumerator = terms.GetEnumerator();
        if (enumerator.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        do
        {
            var term = enumerator.Term;
            if (!StringHelper.StartsWith(term, start) || found.Count >= scan)
            {
                break;
            }

            found.Add((term.Utf8ToString(), enumerator.DocFreq));
        }
        while (enumerator.MoveNext());

        return found.OrderByDescending(f => f.DocFreq).ThenBy(f => f.Term, StringComparer.Ordinal).Take(take).Select(f => f.Term).ToList();
    }

    /// <summary>Documents containing <paramref name="term"/> in <paramref name="field"/> (0 when the field or term is absent).</summary>
    public static int DocFreq(IndexReader reader, string field, string term) => reader.DocFreq(new Term(field, term));
}
