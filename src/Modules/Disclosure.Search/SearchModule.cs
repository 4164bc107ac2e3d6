using Disclosure.Search.Analysis;
using Disclosure.Search.Api;
using Disclosure.Search.Following;
using Disclosure.Search.IndexStore;
using Disclosure.Search.Suggestions;
using Disclosure.Storage;
using Disclosure.Storage.Modules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Search;

/// <summary>
/// Full-text search: the index under <c>Search:IndexFolder</c> (default <c>&lt;Storage:DataFolder&gt;/search</c>),
/// <see cref="ISearchService"/>, <see cref="SearchIndexer"/> (catch-up, nudge, rebuild) and the background follower
/// that keeps the index current with the change log.
/// </summary>
/// <remarks>
/// A host or test sets <see cref="SearchOptions"/> by configuration or <c>services.Configure&lt;SearchOptions&gt;</c>;
/// the index folder is resolved against the data folder after every such setting, so it may be given relative or absolute.
/// </remarks>
public sealed class SearchModule : IDisclosureModule
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.SectionName)
            .PostConfigure<StorageOptions>((options, storage) =>
                options.IndexFolder = Path.GetFullPath(Path.Combine(storage.DataFolder, options.IndexFolder ?? "search")));

        services.AddSingleton<ChineseAnalyzer>();
        services.AddSingleton(sp => new SearchIndex(
            sp.GetRequiredService<IOptions<SearchOptions>>().Value.IndexFolder!,
            sp.GetRequiredService<ChineseAnalyzer>(),
            sp.GetService<ILogger<SearchIndex>>()));
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<ISearchService, SearchService>();
        services.AddHostedService<SearchIndexFollower>();
        services.AddSearchSuggestions();
    }

    /// <summary>The search API, <c>/api/v1/search</c>, and its suggestions, <c>/api/v1/search/suggest</c>.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapSearchApi().MapSuggestApi();
}
