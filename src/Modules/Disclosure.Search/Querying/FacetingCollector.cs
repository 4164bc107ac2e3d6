using Disclosure.Search.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Disclosure.Search.Querying;

/// <summary>
/// One pass over every document the query matches (before filters), reading the facet fields' doc values:
/// <list type="bullet">
/// <item>each facet counts the documents that pass all the <em>other</em> filters, so the counts show what
/// choosing another value would give (the usual "drill sideways" behaviour);</item>
/// <item>documents passing every filter go on to the inner collector that ranks the page, except exact
/// 索引号/文号 hits, which are kept aside to be put first.</item>
/// </list>
/// Per segment the facet values are read as ordinals from <see cref="FacetColumns"/>, the counts kept by ordinal in
/// arrays and turned into strings once, at the segment's end. Counting does not mind the order matches come in; the
/// ranking collector decides it.
/// </summary>
internal sealed class FacetingCollector(ICollector inner, SearchFilters filters, IReadOnlySet<int> identifierDocs) : ICollector
{
    private readonly BytesRef _scratch = new();
    private readonly Dictionary<string, int> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _agencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _catalogue = new(StringComparer.Ordinal);
    // 发布年度 counted in an array from 1900 (the range the API accepts), not a dictionary: this runs per match.
    private const int FirstYear = 1900;
    private readonly int[] _years = new int[300];

    private int _docBase;
    private SortedDocValues? _typeValues;
    private SortedDocValues? _agencyValues;
    private SortedSetDocValues? _catalogueValues;
    private FacetColumns _columns = null!;
    private int _typeFilter = -1;
    private int _agencyFilter = -1;
    private long _catalogueFilter = -1;
    // Per segment, which agency ordinals the scope admits (null: no scope).
    private bool[]? _scopeOrds;
    private int[] _typeCounts = [];
    private int[] _agencyCounts = [];
    private int[] _catalogueCounts = [];

    /// <summary>Documents passing every filter (exact hits included).</summary>
    public int TotalHits { get; private set; }

    /// <summary>Exact 索引号/文号 hits passing every filter, as global doc ids.</summary>
    public List<int> IdentifierHits { get; } = [];

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var reader = context.AtomicReader;
        _docBase = context.DocBase;
        _typeValues = reader.GetSortedDocValues(SearchFields.ContentType);
        _agencyValues = reader.GetSortedDocValues(SearchFields.Agency);
        _catalogueValues = reader.GetSortedSetDocValues(SearchFields.Catalogue);
        _columns = FacetColumns.Of(reader);
        _typeFilter = filters.ContentType is { } type && _typeValues is not null ? _typeValues.LookupTerm(new BytesRef(type)) : -1;
        _agencyFilter = filters.Agency is { } agency && _agencyValues is not null ? _agencyValues.LookupTerm(new BytesRef(agency)) : -1;
        _catalogueFilter = filters.Catalogue is { } code && _catalogueValues is not null ? _catalogueValues.LookupTerm(new BytesRef(code)) : -1;
        _scopeOrds = null;
        if (filters.Scope is { } scope)
        {
            _scopeOrds = new bool[_agencyValues?.ValueCount ?? 0];
            foreach (var scoped in scope)
            {
                var ord = _agencyValues?.LookupTerm(new BytesRef(scoped)) ?? -1;
                if (ord >= 0)
                {
                    _scopeOrds[ord] = true;
                }
            }
        }

        _typeCounts = new int[_typeValues?.ValueCount ?? 0];
        _agencyCounts = new int[_agencyValues?.ValueCount ?? 0];
        _catalogueCounts = new int[(int)(_catalogueValues?.ValueCount ?? 0)];
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var typeOrd = _columns.TypeOrds[doc];
        var agencyOrd = _columns.AgencyOrds[doc];
        if (_scopeOrds is not null && (agencyOrd < 0 || !_scopeOrds[agencyOrd]))
        {
            // Outside the site's agencies: not a result, and not counted in any facet either.
            return;
        }

        int year = _columns.YearValues[doc];
        var catalogueFrom = _columns.CatalogueStarts[doc];
        var catalogueTo = _columns.CatalogueStarts[doc + 1];
        var catalogueOk = filters.Catalogue is null;
        for (var i = catalogueFrom; i < catalogueTo && !catalogueOk; i++)
        {
            catalogueOk = _columns.CatalogueOrds[i] == _catalogueFilter && _catalogueFilter >= 0;
        }

        var typeOk = filters.ContentType is null || (typeOrd >= 0 && typeOrd == _typeFilter);
        var agencyOk = filters.Agency is null || (agencyOrd >= 0 && agencyOrd == _agencyFilter);
        var yearOk = filters.Year is null || year == filters.Year;

        if (agencyOk && catalogueOk && yearOk && typeOrd >= 0)
        {
            _typeCounts[typeOrd]++;
        }

        if (typeOk && catalogueOk && yearOk && agencyOrd >= 0)
        {
            _agencyCounts[agencyOrd]++;
        }

        if (typeOk && agencyOk && yearOk)
        {
            for (var i = catalogueFrom; i < catalogueTo; i++)
            {
                _catalogueCounts[_columns.CatalogueOrds[i]]++;
            }
        }

        if (typeOk && agencyOk && catalogueOk && (uint)(year - FirstYear) < (uint)_years.Length)
        {
            _years[year - FirstYear]++;
        }

        if (typeOk && agencyOk && catalogueOk && yearOk)
        {
            TotalHits++;
            if (identifierDocs.Count > 0 && identifierDocs.Contains(_docBase + doc))
            {
                IdentifierHits.Add(_docBase + doc);
            }
            else
            {
                inner.Collect(doc);
            }
        }
    }

    /// <summary>The facet counts, once the search is done.</summary>
    public SearchFacets Facets()
    {
        FlushSegment();
        return new SearchFacets(
            Ordered(_types, byCount: true),
            Ordered(_catalogue, byCount: false),
            Ordered(_agencies, byCount: true),
            Enumerable.Range(0, _years.Length).Where(i => _years[i] > 0).Reverse()
                .Select(i => new FacetCount((FirstYear + i).ToString(System.Globalization.CultureInfo.InvariantCulture), _years[i])).ToList());
    }

    private void FlushSegment()
    {
        Flush(_typeCounts, _typeValues is null ? null : ord => Lookup(_typeValues, ord), _types);
        Flush(_agencyCounts, _agencyValues is null ? null : ord => Lookup(_agencyValues, ord), _agencies);
        Flush(_catalogueCounts, _catalogueValues is null ? null : ord => { _catalogueValues.LookupOrd(ord, _scratch); return _scratch.Utf8ToString(); }, _catalogue);
        _typeCounts = _agencyCounts = _catalogueCounts = [];
    }

    private string Lookup(SortedDocValues values, int ord)
    {
        values.LookupOrd(ord, _scratch);
        return _scratch.Utf8ToString();
    }

    private static void Flush(int[] counts, Func<int, string>? name, Dictionary<string, int> into)
    {
        if (name is null)
        {
            return;
        }

        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] > 0)
            {
                var key = name(ord);
                into[key] = into.GetValueOrDefault(key) + counts[ord];
            }
        }
    }

    private static List<FacetCount> Ordered(Dictionary<string, int> counts, bool byCount) =>
        (byCount
            ? counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            : counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        .Select(c => new FacetCount(c.Key, c.Value)).ToList();
}
