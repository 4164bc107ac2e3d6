using System.Globalization;
using Disclosure.Search.Highlighting;
using Disclosure.Search.IndexStore;
using Disclosure.Search.Indexing;
using Disclosure.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace Disclosure.Search;

/// <summary>
/// Runs searches on the live index generation: parses the user's query leniently, looks the whole query up as a
/// 索引号/文号, collects the ranked page and the facet counts in one pass, and highlights titles and snippets.
/// </summary>
public sealed class SearchService : ISearchService
{
    private static readonly Sort NewestFirst = new(new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true));

    private readonly SearchIndex _index;
    private readonly SearchOptions _options;
    private readonly UserQueryParser _parser;
    private readonly LuceneQueryBuilder _builder;

    public SearchService(SearchIndex index, IOptions<SearchOptions> options)
    {
        _index = index;
        _options = options.Value;
        _parser = new UserQueryParser(index.Analyzer);
        _builder = new LuceneQueryBuilder(_options.TitleBoost, _options.WordBoost);
    }

    public SearchResponse Search(SearchRequest request)
    {
        if (request.Page < 1)
        {
            return SearchResponse.Invalid("page", "页码应从 1 开始。");
        }

        if (request.PageSize is < 1 or > SearchRequest.MaxPageSize)
        {
            return SearchResponse.Invalid("pageSize", $"每页条数应在 1 到 {SearchRequest.MaxPageSize} 之间。");
        }

        if ((long)request.Page * request.PageSize > SearchRequest.MaxResultWindow)
        {
            return SearchResponse.Invalid("page", $"最多只能查看前 {SearchRequest.MaxResultWindow} 条结果，请增加检索词或筛选条件缩小范围。");
        }

        var parsed = _parser.Parse(request.Query);
        if (parsed.Query is not { } userQuery)
        {
            return SearchResponse.Invalid("q", parsed.Error!);
        }

        var prepared = Prepare(userQuery, request.Query);
        using var lease = _index.AcquireSearcher();
        var searcher = lease.Searcher;
        var identifierDocs = prepared.Identifier is null
            ? new HashSet<int>()
            : searcher.Search(prepared.Identifier, 100).ScoreDocs.Select(d => d.Doc).ToHashSet();
        // Without an exact hit the look-up cannot add a match, so the text query runs alone.
        var query = identifierDocs.Count == 0 ? prepared.Text : prepared.TextOrIdentifier;

        // Exact hits are kept out of the ranking and put first, so the ranked list needs at most this many.
        var wanted = request.Page * request.PageSize;
        var (inner, topDocs) = RankingCollector(request.Sort, wanted);
        var collector = new FacetingCollector(inner, request.Filters, identifierDocs);
        searcher.Search(query, collector);

        var pinned = collector.IdentifierHits
            .Select(doc => (Doc: doc, Stored: searcher.Doc(doc), Score: float.NaN, Exact: true))
            .OrderByDescending(h => h.Stored.GetField(SearchFields.Published)?.GetInt64Value() ?? 0);
        var ranked = topDocs().ScoreDocs.Select(d => (d.Doc, Stored: (Document?)null, d.Score, Exact: false));
        var shown = pinned.Select(p => (p.Doc, Stored: (Document?)p.Stored, p.Score, p.Exact)).Concat(ranked)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .ToList();
        var highlighter = SnippetHighlighter.For(userQuery, searcher.IndexReader, shown.Select(h => h.Doc));
        var page = shown.Select(h => ToHit(h.Doc, h.Stored ?? searcher.Doc(h.Doc), h.Score, h.Exact, highlighter)).ToList();

        return new SearchResponse
        {
            Total = collector.TotalHits,
            Page = request.Page,
            PageSize = request.PageSize,
            Hits = page,
            Facets = collector.Facets(),
        };
    }

    /// <summary>The Lucene queries for a parsed query: the full-text query and, if it could be one, the 索引号/文号 look-up.</summary>
    public PreparedQuery Prepare(UserQuery query, string? rawQuery) => new(_builder.Text(query), LuceneQueryBuilder.Identifier(rawQuery));

    /// <summary>Parses a query as the service would (for tools and benchmarks that run the same query elsewhere).</summary>
    public QueryParseResult Parse(string? query) => _parser.Parse(query);

    private static (ICollector Collector, Func<TopDocs> TopDocs) RankingCollector(SearchSort sort, int wanted)
    {
        // In doc order, as a bare IndexSearcher.Search of these queries collects: a collector that accepts matches out of
        // order makes Lucene 4.8's BooleanWeight try its out-of-order scorer in every segment, building each clause's
        // scorer, and on finding a required clause (every term of ours is one) build them all again in order: twice
        // the postings seeks per segment, measured at 1.2× the bare search's time (bench/README.md).
        if (sort == SearchSort.Date)
        {
            var byDate = TopFieldCollector.Create(NewestFirst, wanted, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: true);
            return (byDate, () => byDate.GetTopDocs());
        }

        var byScore = TopScoreDocCollector.Create(wanted, docsScoredInOrder: true);
        return (byScore, () => byScore.GetTopDocs());
    }

    private SearchHit ToHit(int doc, Document document, float score, bool exact, SnippetHighlighter.HitHighlighter highlighter)
    {
        var title = document.Get(SearchFields.Title, CultureInfo.InvariantCulture) ?? string.Empty;
        var body = document.Get(SearchFields.Body, CultureInfo.InvariantCulture) ?? string.Empty;
        var text = document.Get(SearchFields.Text, CultureInfo.InvariantCulture) ?? string.Empty;
        return new SearchHit(
            document.Get(SearchFields.Id, CultureInfo.InvariantCulture),
            document.Get(SearchFields.ContentType, CultureInfo.InvariantCulture),
            title,
            highlighter.HighlightAll(doc, SearchFields.Title, title),
            // The snippet comes from the body, unless only the type's other fields (办理条件, 概述 …) hold the match.
            highlighter.BestSnippet(doc, [(SearchFields.Body, body), (SearchFields.Text, text)], _options.SnippetLength),
            document.Get(SearchFields.IndexNumber, CultureInfo.InvariantCulture),
            document.Get(SearchFields.DocumentNumber, CultureInfo.InvariantCulture),
            document.Get(SearchFields.OwnCatalogue, CultureInfo.InvariantCulture),
            document.Get(SearchFields.Agency, CultureInfo.InvariantCulture),
            new DateTime(document.GetField(SearchFields.Published)?.GetInt64Value() ?? 0, DateTimeKind.Utc),
            exact,
            score);
    }
}

/// <summary>A query ready for Lucene: the full-text part and the optional exact 索引号/文号 look-up.</summary>
public sealed record PreparedQuery(Query Text, Query? Identifier)
{
    /// <summary>Everything the search matches: the text query, or the exact look-up when there is one.</summary>
    public Query TextOrIdentifier => Identifier is null
        ? Text
        : new BooleanQuery(disableCoord: true) { { Text, Occur.SHOULD }, { Identifier, Occur.SHOULD } };
}
