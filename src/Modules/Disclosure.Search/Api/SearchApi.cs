using Disclosure.Core.Time;
using Disclosure.Search;
using Disclosure.Search.Suggestions;
using Disclosure.Storage.Content;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Disclosure.Search.Api;

/// <summary>
/// Full-text search over published content: <c>/api/v1/search?q=</c>. A 索引号 or 文号 typed in any bracket
/// form or width finds its item first; facets count per type, 目录分类, 发布机构 and year. A malformed query
/// gets a 400 with a zh-CN explanation, never a 500.
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/search", SearchAsync)
            .WithTags("检索")
            .WithName("Search")
            .WithSummary("全文检索")
            .WithDescription("检索已发布内容。q 为检索词：空格分隔的词须同时出现，\"…\" 为精确短语，OR 表示或，-词 或 NOT 词 表示排除；" +
                "输入索引号或文号（括号〔〕【】[]（）()、全角半角均可）时该条内容排在最前。可按内容类型（type）、目录分类（catalogue，含下级）、" +
                "发布机构（agency）、发布年度（year）筛选，sort=relevance（相关度，默认）或 date（发布日期），分页返回命中、总数与各维度计数。" +
                "没有结果而纠正后的检索词（文号括号写法、错别字、拼写错误或去掉查不到的词）有结果时，didYouMean 给出该检索词（您是不是要找）。")
            .WithResponseExample(StatusCodes.Status200OK, Example);
        return api;
    }

    /// <summary>The OpenAPI document's example: a search for 道路 among the demo's items.</summary>
    private static readonly SearchPage Example = new(
        "道路", "relevance", 1, 20, 38,
        [
            new SearchHitItem(
                "sg-traffic-accident-determination", "ServiceGuide", "办事指南", "道路交通事故认定办事指南", "<mark>道路</mark>交通事故认定办事指南",
                "…自现场调查之日起10日内制作<mark>道路</mark>交通事故认定书；需要检验、鉴定的，自检验、鉴定结论确定之日起5日内制作……",
                "640121-103/2023-00006", null, "06.02", "交通管理", "640121-103", "永宁县公安局",
                new DateTimeOffset(2023, 6, 20, 10, 0, 0, TimeSpan.FromHours(8)), false, "/api/v1/content/sg-traffic-accident-determination"),
        ],
        new SearchFacetGroups(
            [new FacetItem("ServiceGuide", "办事指南", 7), new FacetItem("Disclosure", "公开信息", 7)],
            [new FacetItem("06", "业务工作", 9), new FacetItem("06.02", "交通管理", 6)],
            [new FacetItem("640121-103", "永宁县公安局", 31)],
            [new FacetItem("2026", "2026", 12), new FacetItem("2023", "2023", 8)]));

    private static async Task<Results<Ok<SearchPage>, ValidationProblem>> SearchAsync(
        ISearchService search,
        PublishedContentQuery query,
        ContentDefinitionStore definitions,
        CommonQueryLog commonQueries,
        HttpContext context,
        string? q,
        string? type,
        string? catalogue,
        string? agency,
        int? year,
        string? sort,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var types = await definitions.GetTypesAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(type) && !types.ContainsKey(type.Trim()))
        {
            errors["type"] = [$"内容类型“{type}”不存在。"];
        }

        if (year is < 1900 or > 2100)
        {
            errors["year"] = ["年度应在 1900 到 2100 之间。"];
        }

        SearchSort order = SearchSort.Relevance;
        if (!string.IsNullOrWhiteSpace(sort) && !TryParseSort(sort.Trim(), out order))
        {
            errors["sort"] = ["排序方式应为 relevance（相关度）或 date（发布日期）。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "查询参数有误");
        }

        var response = search.Search(new SearchRequest
        {
            Query = q,
            ContentType = type,
            Catalogue = catalogue,
            Agency = agency,
            Year = year,
            Sort = order,
            Page = page ?? 1,
            PageSize = pageSize ?? 20,
        });
        if (response.Error is { } error)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [error.Parameter] = [error.Message] },
                detail: error.Message,
                title: "查询参数有误");
        }

        if (response.Page == 1)
        {
            // 常用检索词: counted in memory only, written later in the background.
            commonQueries.Record(q, response.Total, context.Connection.RemoteIpAddress?.ToString());
        }

        var agencies = await query.AgencyNamesAsync(cancellationToken);
        var catalogueNames = await query.CatalogueNamesAsync(cancellationToken);
        string? TypeName(string name) => types.TryGetValue(name, out var definition) ? definition.DisplayName : null;

        var hits = response.Hits.Select(hit => new SearchHitItem(
            hit.Id,
            hit.ContentType,
            TypeName(hit.ContentType),
            hit.Title,
            hit.TitleHtml,
            hit.Snippet,
            hit.IndexNumber,
            hit.DocumentNumber,
            hit.Catalogue,
            hit.Catalogue is { } c ? catalogueNames.GetValueOrDefault(c) : null,
            hit.Agency,
            hit.Agency is { } a ? agencies.GetValueOrDefault(a) : null,
            ChinaTime.ToLocal(hit.PublishedUtc),
            hit.ExactMatch,
            $"/api/v1/content/{hit.Id}")).ToList();

        var facets = new SearchFacetGroups(
            response.Facets.ContentTypes.Select(f => new FacetItem(f.Value, TypeName(f.Value), f.Count)).ToList(),
            response.Facets.Catalogue.Select(f => new FacetItem(f.Value, catalogueNames.GetValueOrDefault(f.Value), f.Count)).ToList(),
            response.Facets.Agencies.Select(f => new FacetItem(f.Value, agencies.GetValueOrDefault(f.Value), f.Count)).ToList(),
            response.Facets.Years.Select(f => new FacetItem(f.Value, f.Value + "年", f.Count)).ToList());

        return TypedResults.Ok(new SearchPage(
            q!.Trim(),
            order == SearchSort.Date ? "date" : "relevance",
            response.Page,
            response.PageSize,
            response.Total,
            hits,
            facets) { DidYouMean = response.DidYouMean });
    }

    private static bool TryParseSort(string value, out SearchSort sort)
    {
        sort = value.ToLowerInvariant() switch
        {
            "relevance" => SearchSort.Relevance,
            "date" => SearchSort.Date,
            _ => (SearchSort)(-1),
        };
        return Enum.IsDefined(sort);
    }
}

/// <summary>A page of search results with the facet counts over the query and the other filters.</summary>
public sealed record SearchPage(string Query, string Sort, int Page, int PageSize, int Total, IReadOnlyList<SearchHitItem> Hits, SearchFacetGroups Facets)
{
    /// <summary>您是不是要找: when nothing was found, a corrected query that finds something with the same filters; else null.</summary>
    public string? DidYouMean { get; init; }
}

/// <summary>
/// One result. <c>titleHtml</c> and <c>snippet</c> are HTML-escaped text with <c>&lt;mark&gt;</c> around the
/// matches, safe to insert as is; <c>exactMatch</c> is true when the query was this item's 索引号 or 文号.
/// </summary>
public sealed record SearchHitItem(
    string Id,
    string Type,
    string? TypeName,
    string Title,
    string TitleHtml,
    string Snippet,
    string? IndexNumber,      // 索引号
    string? DocumentNumber,   // 文号
    string? Catalogue,        // 目录分类代码
    string? CatalogueName,
    string? Agency,           // 发布机构代码
    string? AgencyName,
    DateTimeOffset PublishedAt,
    bool ExactMatch,
    string Url);

/// <summary>Facet counts: content types, 目录分类 (a parent counts its children), 发布机构 and 发布年度.</summary>
public sealed record SearchFacetGroups(IReadOnlyList<FacetItem> Types, IReadOnlyList<FacetItem> Catalogue, IReadOnlyList<FacetItem> Agencies, IReadOnlyList<FacetItem> Years);

public sealed record FacetItem(string Value, string? Label, int Count);
