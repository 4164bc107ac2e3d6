using Disclosure.Core.Time;
using Disclosure.GraphQL.Content;
using Disclosure.GraphQL.Execution;
using Disclosure.Search;
using Disclosure.Search.Api;
using Disclosure.Storage.Content;

namespace Disclosure.GraphQL.Search;

/// <summary>
/// <c>search</c> over the search module's <see cref="ISearchService"/>, answered in the shape of <c>/api/v1/search</c>
/// (<see cref="SearchPage"/>): only published versions are in the index, so a draft can never be found.
/// </summary>
public sealed class SearchReader(ISearchService search, PublishedContentQuery published, ContentDefinitionStore definitions)
{
    public async Task<SearchPage> SearchAsync(string? q, string? type, string? catalogue, string? agency, int? year, string? sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        ContentListArguments.CheckPaging(page, pageSize);
        var types = await definitions.GetTypesAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(type) && !types.ContainsKey(type.Trim()))
        {
            throw new InvalidArgumentError("type", $"内容类型“{type}”不存在。");
        }

        if (year is < 1900 or > 2100)
        {
            throw new InvalidArgumentError("year", "年度应在 1900 到 2100 之间。");
        }

        var order = (sort?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "relevance" => SearchSort.Relevance,
            "date" => SearchSort.Date,
            _ => throw new InvalidArgumentError("sort", "排序方式应为 relevance（相关度）或 date（发布日期）。"),
        };

        var response = search.Search(new SearchRequest
        {
            Query = q, ContentType = type, Catalogue = catalogue, Agency = agency, Year = year, Sort = order, Page = page, PageSize = pageSize,
        });
        if (response.Error is { } error)
        {
            throw new InvalidArgumentError(error.Parameter, error.Message);
        }

        var agencies = await published.AgencyNamesAsync(cancellationToken);
        var catalogueNames = await published.CatalogueNamesAsync(cancellationToken);
        string? TypeName(string name) => types.TryGetValue(name, out var definition) ? definition.DisplayName : null;
        var hits = response.Hits.Select(hit => new SearchHitItem(
            hit.Id, hit.ContentType, TypeName(hit.ContentType), hit.Title, hit.TitleHtml, hit.Snippet, hit.IndexNumber, hit.DocumentNumber,
            hit.Catalogue, hit.Catalogue is { } c ? catalogueNames.GetValueOrDefault(c) : null,
            hit.Agency, hit.Agency is { } a ? agencies.GetValueOrDefault(a) : null,
            ChinaTime.ToLocal(hit.PublishedUtc), hit.ExactMatch, $"/api/v1/content/{hit.Id}")).ToList();
        var facets = new SearchFacetGroups(
            response.Facets.ContentTypes.Select(f => new FacetItem(f.Value, TypeName(f.Value), f.Count)).ToList(),
            response.Facets.Catalogue.Select(f => new FacetItem(f.Value, catalogueNames.GetValueOrDefault(f.Value), f.Count)).ToList(),
            response.Facets.Agencies.Select(f => new FacetItem(f.Value, agencies.GetValueOrDefault(f.Value), f.Count)).ToList(),
            response.Facets.Years.Select(f => new FacetItem(f.Value, f.Value + "年", f.Count)).ToList());
        return new SearchPage(q!.Trim(), order == SearchSort.Date ? "date" : "relevance", response.Page, response.PageSize, response.Total, hits, facets);
    }
}
