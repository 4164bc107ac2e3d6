using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Search.Suggestions;

/// <summary>
/// Writes the counted 常用检索词 every <see cref="SuggestionOptions.FlushIntervalSeconds"/> and re-reads them (other
/// nodes' counts too) at least every <see cref="SuggestionOptions.RefreshIntervalSeconds"/>; a last write on shutdown.
/// </summary>
public sealed partial class CommonQueryFlusher(CommonQueryLog log, IOptions<SuggestionOptions> options, TimeProvider clock, ILogger<CommonQueryFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start-up
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.FlushIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A flush re-reads the queries too, so the refresh interval is met whenever the flush interval is shorter.
                await log.FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(interval.TotalSeconds, Math.Max(1, options.Value.RefreshIntervalSeconds))), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await log.FlushAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "常用检索词写入或读取失败，将在下次定时写入时重试")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
