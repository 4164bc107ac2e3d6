namespace Disclosure.Search;

/// <summary>Full-text search over published content.</summary>
public interface ISearchService
{
    /// <summary>Runs a search. A malformed request gives a response with <see cref="SearchResponse.Error"/> set, never an exception.</summary>
    SearchResponse Search(SearchRequest request);
}
