using Disclosure.DataGenerator;
using Disclosure.Search;
using Disclosure.Search.IndexStore;
using Disclosure.Search.Indexing;
using Disclosure.Search.Querying;
using Lucene.Net.Search;

namespace Disclosure.Bench.Search;

/// <summary>
/// The queries both contenders run, and the two ways of running each: through <see cref="SearchService"/> (parse,
/// 索引号/文号 look-up, ranking, facet counting over every match, stored fields, highlighting) and as the bare
/// Lucene search of the same query and filters on the same index (TopDocs only).
/// </summary>
public sealed class Workload
{
    public const int PageSize = 20;

    private readonly SearchIndex _index;
    private readonly SearchService _service;
    private readonly List<(SearchRequest Request, Query Query, Filter? Filter, Sort? Sort)> _queries = [];

    public Workload(SearchIndex index, Corpus corpus)
    {
        _index = index;
        _service = new SearchService(index, Microsoft.Extensions.Options.Options.Create(new SearchOptions()));
        foreach (var request in Requests(corpus))
        {
            var parsed = _service.Parse(request.Query);
            var prepared = _service.Prepare(parsed.Query ?? throw new InvalidOperationException($"{request.Query}: {parsed.Error}"), request.Query);
            var query = prepared.TextOrIdentifier;
            var filter = LuceneQueryBuilder.Filters(request.Filters) is { } filters ? new QueryWrapperFilter(filters) : null;
            var sort = request.Sort == SearchSort.Date ? new Sort(new SortField(SearchFields.Published, SortFieldType.INT64, reverse: true)) : null;
            _queries.Add((request, query, filter, sort));
        }
    }

    public int Count => _queries.Count;

    public SearchRequest Request(int i) => _queries[i].Request;

    /// <summary>Our service; returns the total so the work cannot be optimised away.</summary>
    public int RunService(int i)
    {
        var response = _service.Search(_queries[i].Request);
        return response.IsValid ? response.Total : throw new InvalidOperationException(response.Error!.Message);
    }

    /// <summary>The bare Lucene search of the same query and filters.</summary>
    public int RunBare(int i)
    {
        var (_, query, filter, sort) = _queries[i];
        using var lease = _index.AcquireSearcher();
        var top = sort is null ? lease.Searcher.Search(query, filter, PageSize) : lease.Searcher.Search(query, filter, PageSize, sort);
        return top.TotalHits;
    }

    private static IEnumerable<SearchRequest> Requests(Corpus corpus)
    {
        string[] words = ["公开", "户籍", "居住证", "消防安全", "电信网络诈骗", "政务服务网", "派出所 户籍", "烟花爆竹 OR 消防", "交通 -驾驶证",
            "\"放管服\"改革", "满意率", "警务保障", "禁毒", "办理时限", "法制大队", "旅馆业", "出入境证件 办理流程", "杨和镇 派出所"];
        foreach (var word in words)
        {
            yield return new SearchRequest { Query = word, PageSize = PageSize };
        }

        yield return new SearchRequest { Query = "户籍", ContentType = "ServiceGuide", PageSize = PageSize };
        yield return new SearchRequest { Query = "公开", Catalogue = "02", PageSize = PageSize };
        yield return new SearchRequest { Query = "消防", Year = 2019, PageSize = PageSize };
        yield return new SearchRequest { Query = "诈骗", Agency = corpus.Agencies[0].Code, Year = 2021, PageSize = PageSize };
        yield return new SearchRequest { Query = "公开", Sort = SearchSort.Date, PageSize = PageSize };
        yield return new SearchRequest { Query = "居住证", Sort = SearchSort.Date, Page = 3, PageSize = PageSize };

        // 索引号 and 文号 of items spread through the corpus, the 文号 typed with other brackets than stored.
        var step = Math.Max(1, corpus.Size / 5);
        foreach (var item in corpus.Items().Where((_, i) => i % step == step / 2).Take(5))
        {
            yield return new SearchRequest { Query = item.IndexNumber, PageSize = PageSize };
            if (item.Data.DocumentNumber is { } number)
            {
                yield return new SearchRequest { Query = number.Replace('〔', '[').Replace('〕', ']').Replace('【', '(').Replace('】', ')'), PageSize = PageSize };
            }
        }
    }
}
