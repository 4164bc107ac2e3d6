using Disclosure.GraphQL.Content;
using Disclosure.GraphQL.Schema;
using Disclosure.Search.Api;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.GraphQL.Search;

internal sealed class SearchPageGraphType : RecordGraphType<SearchPage>
{
    public SearchPageGraphType()
        : base("SearchPage", "一页检索结果及各维度计数（与 /api/v1/search 相同）")
    {
    }
}

internal sealed class SearchHitGraphType : RecordGraphType<SearchHitItem>
{
    public SearchHitGraphType()
        : base("SearchHit", "一条检索结果；titleHtml 与 snippet 为已转义的 HTML，命中处以 <mark> 标出")
    {
    }
}

internal sealed class SearchFacetsGraphType : RecordGraphType<SearchFacetGroups>
{
    public SearchFacetsGraphType()
        : base("SearchFacets", "按内容类型、目录分类、发布机构、发布年度的计数")
    {
    }
}

internal sealed class FacetGraphType : RecordGraphType<FacetItem>
{
    public FacetGraphType()
        : base("Facet", "一个维度取值及其计数")
    {
    }
}

/// <summary>The root field <c>search</c>.</summary>
internal static class SearchFields
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<SearchPageGraphType>>("search")
            .Description("全文检索已发布内容，参数与 /api/v1/search 相同：空格分隔的词须同时出现，\"…\" 为精确短语，OR 表示或，-词 表示排除；输入索引号或文号时该条排在最前。")
            .Argument<NonNullGraphType<StringGraphType>>("q", "检索词")
            .Argument<StringGraphType>("type", "内容类型")
            .Argument<StringGraphType>("catalogue", "目录分类代码（含下级）")
            .Argument<StringGraphType>("agency", "发布机构代码")
            .Argument<IntGraphType>("year", "发布年度")
            .Argument<StringGraphType>("sort", "relevance（相关度，默认）或 date（发布日期）")
            .Argument<IntGraphType>("page", "页码，从 1 开始", a => a.DefaultValue = 1)
            .Argument<IntGraphType>("pageSize", "每页条数，1 到 100，默认 20", a => a.DefaultValue = ContentFields.DefaultPageSize)
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<SearchReader>().SearchAsync(
                context.GetArgument<string>("q"),
                context.GetArgument<string?>("type"),
                context.GetArgument<string?>("catalogue"),
                context.GetArgument<string?>("agency"),
                context.GetArgument<int?>("year"),
                context.GetArgument<string?>("sort"),
                context.GetArgument("page", 1),
                context.GetArgument("pageSize", ContentFields.DefaultPageSize),
                context.CancellationToken));
}
