using Disclosure.Contents.Items;
using Disclosure.Core.Time;
using Disclosure.Search;
using Disclosure.Search.Suggestions;
using Disclosure.Storage.Content;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Site.Search;

/// <summary>站内搜索: the form, results with highlighted snippets, filters with counts and paging. Works without JavaScript.</summary>
public sealed class SearchController(ISearchService search, PublishedContentQuery query, ContentDefinitionStore definitions, Contents.SiteContext site, CommonQueryLog commonQueries) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, string? type, string? catalogue, string? agency, int? year, string? sort, string? reach, int page = 1, CancellationToken cancellationToken = default)
    {
        // On an agency's site the search covers its own items (本级) unless the visitor chose 含下级 or 全部.
        if (await site.ListingAsync(reach, cancellationToken) is not { } listing)
        {
            return NotFound();
        }

        var form = new SearchForm(q?.Trim() ?? string.Empty, Blank(type), Blank(catalogue), Blank(agency), year, sort == "date" ? "date" : "relevance", listing.Parameter);
        var types = await definitions.GetTypesAsync(cancellationToken);
        var names = new SearchNames(
            types.ToDictionary(t => t.Key, t => t.Value.DisplayName),
            await query.CatalogueNamesAsync(cancellationToken),
            await query.AgencyNamesAsync(cancellationToken));

        if (form.Query.Length == 0 && form.ContentType is null && form.Catalogue is null && form.Agency is null && form.Year is null)
        {
            // The empty form: not an error, just nothing asked yet.
            return View(new SearchPage(form, null, null, names, null, listing));
        }

        var response = search.Search(new SearchRequest
        {
            Query = form.Query,
            ContentType = form.ContentType,
            Catalogue = form.Catalogue,
            Agency = form.Agency,
            Agencies = listing.Agencies,
            Year = form.Year,
            Sort = form.Sort == "date" ? SearchSort.Date : SearchSort.Relevance,
            Page = Math.Max(1, page),
            PageSize = PageSize,
        });
        if (response.Error is { } error)
        {
            return View(new SearchPage(form, null, error.Message, names, null, listing));
        }

        if (response.Page == 1)
        {
            // 常用检索词: counted in memory only, written later in the background.
            commonQueries.Record(form.Query, response.Total, HttpContext.Connection.RemoteIpAddress?.ToString());
        }

        var hits = response.Hits.Select(h => new SearchResultRow(
            ItemUrls.Item(h.Id),
            h.TitleHtml,
            h.Snippet,
            h.IndexNumber,
            h.DocumentNumber,
            DateText.Date(ChinaTime.ToDate(h.PublishedUtc)),
            names.Types.GetValueOrDefault(h.ContentType, h.ContentType),
            h.Agency is { } a ? names.Agencies.GetValueOrDefault(a, a) : null,
            h.ExactMatch)).ToList();
        var pageCount = Math.Max(1, (Math.Min(response.Total, SearchRequest.MaxResultWindow) + PageSize - 1) / PageSize);
        var pager = new Pager(response.Page, pageCount, response.Total, p => form.Url(p));
        return View(new SearchPage(form, new SearchResults(response.Total, hits, response.Facets, response.DidYouMean), null, names, pager, listing));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
