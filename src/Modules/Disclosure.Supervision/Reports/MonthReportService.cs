using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Disclosure.Supervision.Reports;

/// <summary>
/// Checks every ten minutes (the first time a minute after start-up, out of the way of the start) whether this month's
/// 督查督办月报 are due and makes the missing ones (<see cref="MonthReportArchive"/>). Every node runs it; the archive's
/// unique index keeps one report per agency and month.
/// </summary>
public sealed partial class MonthReportService(IServiceScopeFactory scopes, ILogger<MonthReportService> logger) : BackgroundService
{
    private static readonly TimeSpan StartDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(StartDelay, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var made = await scope.ServiceProvider.GetRequiredService<MonthReportArchive>().MakeDueAsync(stoppingToken);
                    if (made > 0)
                    {
                        LogMade(logger, made);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database was away: the reports not yet made are made at the next check.
                    LogFailed(logger, ex);
                }

                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "督查督办月报：已生成 {Count} 份")]
    private static partial void LogMade(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "督查督办月报生成失败，下次检查时重试")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
