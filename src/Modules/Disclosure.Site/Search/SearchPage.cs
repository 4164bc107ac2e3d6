using Disclosure.Contents.Items;
using Disclosure.Search;

namespace Disclosure.Site.Search;

/// <summary>What the reader asked; builds the URL of any page of results or of a changed filter.</summary>
/// <remarks><see cref="Reach"/> is the 本级/含下级/全部 choice on an agency's site (<c>subtree</c>, <c>all</c>; null for 本级).</remarks>
public sealed record SearchForm(string Query, string? ContentType, string? Catalogue, string? Agency, int? Year, string Sort, string? Reach = null)
{
    public string Url(int page = 1) => "/search?" + string.Join("&", Parameters(page).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>The same search with one filter set (or cleared with null), from page 1.</summary>
    public SearchForm With(string filter, string? value) => filter switch
    {
        "type" => this with { ContentType = value },
        "catalogue" => this with { Catalogue = value },
        "agency" => this with { Agency = value },
        "year" => this with { Year = value is null ? null : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        _ => this,
    };

    private IEnumerable<KeyValuePair<string, string>> Parameters(int page)
    {
        if (Query.Length > 0) { yield return new("q", Query); }
        if (ContentType is not null) { yield return new("type", ContentType); }
        if (Catalogue is not null) { yield return new("catalogue", Catalogue); }
        if (Agency is not null) { yield return new("agency", Agency); }
        if (Year is not null) { yield return new("year", Year.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)); }
        if (Sort == "date") { yield return new("sort", "date"); }
        if (Reach is not null) { yield return new("reach", Reach); }
        if (page > 1) { yield return new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)); }
    }
}

/// <summary>Display names for facet values.</summary>
public sealed record SearchNames(IReadOnlyDictionary<string, string> Types, IReadOnlyDictionary<string, string> Catalogue, IReadOnlyDictionary<string, string> Agencies);

/// <summary>One result; <see cref="TitleHtml"/> and <see cref="Snippet"/> are already-escaped HTML with &lt;mark&gt;.</summary>
public sealed record SearchResultRow(string Url, string TitleHtml, string Snippet, string? IndexNumber, string? DocumentNumber, string PublishedDate, string TypeName, string? AgencyName, bool ExactMatch);

/// <remarks><see cref="DidYouMean"/>: 您是不是要找, a corrected query that finds something with the same filters, when nothing was found.</remarks>
public sealed record SearchResults(int Total, IReadOnlyList<SearchResultRow> Hits, SearchFacets Facets, string? DidYouMean = null);

/// <summary>The search page: the form, and either results, a zh-CN message about the query, or nothing yet.</summary>
public sealed record SearchPage(SearchForm Form, SearchResults? Results, string? Message, SearchNames Names, Pager? Pager, Contents.AgencyListing? Listing = null);

/// <summary>One filter column: its counts and the links that set or clear it.</summary>
public sealed record FacetView(string Title, string Parameter, string? Selected, IReadOnlyList<FacetCount> Counts, IReadOnlyDictionary<string, string> Names, SearchForm Form)
{
    public string Name(string value) => Names.GetValueOrDefault(value, value);
}
