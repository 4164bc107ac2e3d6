using Disclosure.Search.Querying;

namespace Disclosure.Search;

public enum SearchSort
{
    /// <summary>Best match first (标题 counts more than the body).</summary>
    Relevance,
    /// <summary>Newest 发布日期 first.</summary>
    Date,
}

/// <summary>A search: the user's query, filters, order and page. Exact 索引号/文号 hits always come first.</summary>
public sealed record SearchRequest
{
    public const int MaxPageSize = 100;
    public const int MaxResultWindow = 10_000;

    public string? Query { get; init; }

    public string? ContentType { get; init; }

    /// <summary>目录分类 code; includes the classes below it.</summary>
    public string? Catalogue { get; init; }

    /// <summary>发布机构 code.</summary>
    public string? Agency { get; init; }

    /// <summary>
    /// The agencies whose items may be found at all (集约化: an agency's site searches its own, or its subtree); null
    /// is every agency. Unlike <see cref="Agency"/> this is no facet: the counts are within it too.
    /// </summary>
    public IReadOnlyCollection<string>? Agencies { get; init; }

    /// <summary>Beijing year of 发布日期.</summary>
    public int? Year { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    public SearchFilters Filters => new(Blank(ContentType), Blank(Catalogue), Blank(Agency), Year, Agencies);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The answer to a search: results, or (when <see cref="Error"/> is set) the zh-CN reason there are none.</summary>
public sealed record SearchResponse
{
    public SearchError? Error { get; init; }

    public bool IsValid => Error is null;

    /// <summary>Documents matching the query and every filter.</summary>
    public int Total { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; }

    public IReadOnlyList<SearchHit> Hits { get; init; } = [];

    public SearchFacets Facets { get; init; } = SearchFacets.Empty;

    /// <summary>您是不是要找: when nothing was found, a corrected query that finds something within the same filters (else null).</summary>
    public string? DidYouMean { get; init; }

    public static SearchResponse Invalid(string parameter, string message) => new() { Error = new SearchError(parameter, message) };
}

/// <summary>Why a search could not run: the request parameter at fault (q, page, pageSize) and a zh-CN message.</summary>
public sealed record SearchError(string Parameter, string Message);

/// <summary>One result. <see cref="TitleHtml"/> and <see cref="Snippet"/> are HTML: escaped, with &lt;mark&gt; around matches.</summary>
public sealed record SearchHit(
    string Id,
    string ContentType,
    string Title,
    string TitleHtml,
    string Snippet,
    string? IndexNumber,      // 索引号
    string? DocumentNumber,   // 文号
    string? Catalogue,        // 目录分类 code
    string? Agency,           // 发布机构 code
    DateTime PublishedUtc,    // 发布日期
    // True when the query is this item's 索引号 or 文号.
    bool ExactMatch,
    float Score);

/// <summary>Counts per value of each facet, over the query and the other facets' filters.</summary>
public sealed record SearchFacets(
    IReadOnlyList<FacetCount> ContentTypes,
    IReadOnlyList<FacetCount> Catalogue,
    IReadOnlyList<FacetCount> Agencies,
    IReadOnlyList<FacetCount> Years)
{
    public static readonly SearchFacets Empty = new([], [], [], []);
}

public sealed record FacetCount(string Value, int Count);
