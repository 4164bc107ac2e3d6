using Disclosure.Search.Analysis;
using Disclosure.Search.Following;
using Disclosure.Search.IndexStore;
using Disclosure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers search: the index under <c>Search:IndexFolder</c> (default <c>&lt;Storage:DataFolder&gt;/search</c>),
    /// <see cref="ISearchService"/>, <see cref="SearchIndexer"/> (catch-up, nudge, rebuild), the background
    /// follower, and a hook that nudges it when a change-log entry commits on this node.
    /// </summary>
    public static IServiceCollection AddDisclosureSearch(
        this IServiceCollection services,
        StorageOptions storage,
        IConfiguration? configuration = null,
        Action<SearchOptions>? configure = null)
    {
        services.AddOptions<SearchOptions>().Configure(options =>
        {
            configuration?.GetSection(SearchOptions.SectionName).Bind(options);
            configure?.Invoke(options);
            options.IndexFolder = Path.GetFullPath(Path.Combine(storage.DataFolder, options.IndexFolder ?? "search"));
        });

        services.AddSingleton<ChineseAnalyzer>();
        services.AddSingleton(sp => new SearchIndex(
            sp.GetRequiredService<IOptions<SearchOptions>>().Value.IndexFolder!,
            sp.GetRequiredService<ChineseAnalyzer>(),
            sp.GetService<ILogger<SearchIndex>>()));
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<ISearchService, SearchService>();
        services.AddHostedService<SearchIndexFollower>();

        return services;
    }
}
