using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Search.Following;

/// <summary>
/// The background service that keeps this node's index current: it catches up at start (re-reading the feed
/// from the committed checkpoint, which is all a crash can have cost), then every poll interval or as soon as
/// a commit that wrote to the change log nudges it (here, or on another node through the change notifications).
/// When the site stops it commits what it has shown, so a clean restart re-reads nothing.
/// </summary>
public sealed partial class SearchIndexFollower(SearchIndexer indexer, IOptions<SearchOptions> options, ILogger<SearchIndexFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.FollowChanges)
        {
            return;
        }

        await Task.Yield(); // never hold up the host's start-up
        try
        {
            await FollowAsync(stoppingToken);
        }
        finally
        {
            try
            {
                if (indexer.CommitPending)
                {
                    await indexer.CommitAsync(CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // Nothing is lost: the next start re-reads the change log from the last commit.
                LogFinalCommitFailed(logger, ex);
            }
        }
    }

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await indexer.CatchUpAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The checkpoint only moves with a batch that was shown, so the next pass retries the same entries.
                LogCatchUpFailed(logger, ex);
            }

            try
            {
                await indexer.WaitForNudgeAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "停止时未能提交检索索引，下次启动将从上次提交处重读变更")]
    private static partial void LogFinalCommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "检索索引跟进变更失败，将在下次轮询时重试")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);
}
