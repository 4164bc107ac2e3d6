using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Contents.Review;

public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>How often due scheduled publications are looked for.</summary>
    public int IntervalSeconds { get; set; } = 15;
}

/// <summary>
/// Publishes scheduled versions when their time comes (定时发布). The schedule lives in the database, so a
/// restart loses nothing: the first pass after start-up publishes whatever fell due while the site was down.
/// </summary>
public sealed partial class ScheduledPublisher(IServiceScopeFactory scopes, IOptions<SchedulerOptions> options, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var published = await scope.ServiceProvider.GetRequiredService<WorkflowService>().PublishDueAsync(stoppingToken);
                if (published > 0)
                {
                    LogPublished(logger, published);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed pass is retried on the next tick; the schedule itself is safe in the database.
                LogPassFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "定时发布：已发布 {Count} 条信息")]
    private static partial void LogPublished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "定时发布检查失败")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
