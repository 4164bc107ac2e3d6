using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Disclosure.Search.Suggestions;

/// <summary>Registers the suggestions, the 常用检索词 log and its writer, and 您是不是要找 around the search service.</summary>
public static class SuggestionServices
{
    public static IServiceCollection AddSearchSuggestions(this IServiceCollection services)
    {
        services.AddOptions<SuggestionOptions>().BindConfiguration(SuggestionOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CommonQueryLog>();
        services.AddSingleton<QueryCorrector>();
        services.AddSingleton<SearchSuggester>();
        services.AddHostedService<CommonQueryFlusher>();

        // The search everyone gets answers 您是不是要找 on a miss; the bare service stays available to tools and benchmarks.
        services.TryAddSingleton<SearchService>();
        services.Replace(ServiceDescriptor.Singleton<ISearchService>(sp => new CorrectingSearchService(
            sp.GetRequiredService<SearchService>(),
            sp.GetRequiredService<QueryCorrector>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CorrectingSearchService>>())));
        return services;
    }
}
