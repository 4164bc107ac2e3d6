using Microsoft.Extensions.Logging;

namespace Disclosure.Search.Suggestions;

/// <summary>
/// <see cref="ISearchService"/> as the site and the API use it: <see cref="SearchService"/>'s answer, and for a search
/// that found nothing, <see cref="SearchResponse.DidYouMean"/> from <see cref="QueryCorrector"/>. A wrapper rather than
/// code in the service, so the search itself stays as fast as it was and the correction only costs a miss.
/// </summary>
public sealed partial class CorrectingSearchService(SearchService search, QueryCorrector corrector, ILogger<CorrectingSearchService> logger) : ISearchService
{
    public SearchResponse Search(SearchRequest request)
    {
        var response = search.Search(request);
        if (!response.IsValid || response.Total > 0)
        {
            return response;
        }

        try
        {
            return response with { DidYouMean = corrector.Correct(request.Query, request.Filters) };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A suggestion is a courtesy: its failure must not turn an empty result into an error page.
            LogCorrectionFailed(logger, ex);
            return response;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "检索词纠错失败，结果页不显示“您是不是要找”")]
    private static partial void LogCorrectionFailed(ILogger logger, Exception exception);
}
