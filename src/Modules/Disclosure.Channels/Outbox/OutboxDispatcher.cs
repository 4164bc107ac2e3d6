using System.Net.Sockets;
using Disclosure.Storage.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Channels.Outbox;

/// <summary>
/// Delivers the outbox (发布渠道推送): claims due messages, hands each to its channel, records the outcome with
/// retries, back-off and dead letters. Runs on every node that enables it; the claim keeps them from sending a
/// message twice, and the lease lets another node finish what a dead node had claimed.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(Math.Max(0.05, settings.PollIntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            int delivered;
            try
            {
                delivered = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database was unreachable or busy: nothing is lost, the rows wait for the next pass.
                LogReadFailed(logger, ex);
                delivered = 0;
            }

            if (delivered == 0)
            {
                try
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One claim and the delivery of what it took. Returns how many messages were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        IReadOnlyList<OutboxMessage> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<OutboxStore>()
                .ClaimAsync(settings.BatchSize, TimeSpan.FromSeconds(settings.LeaseSeconds), cancellationToken);
        }

        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Concurrency), CancellationToken = cancellationToken },
            async (message, ct) => await DeliverAsync(message, ct));
        return claimed.Count;
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lease = TimeSpan.FromSeconds(settings.LeaseSeconds);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewal = RenewLeaseAsync(message, lease, renewing.Token);
        DeliveryResult result;
        try
        {
            result = await AttemptAsync(scope.ServiceProvider, store, message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the message back at once rather than leaving it until the lease runs out.
            await store.ReleaseAsync(message, CancellationToken.None);
            throw;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
        }

        if (!await store.CompleteAsync(message, result, settings, CancellationToken.None))
        {
            LogClaimLost(logger, message.Id, result);
        }
        else if (result is DeliveryResult.Retry or DeliveryResult.Fail)
        {
            LogDeliveryFailed(logger, message.Channel, message.Attempts, message.ContentItemId, result);
        }
    }

    private async Task<DeliveryResult> AttemptAsync(IServiceProvider services, OutboxStore store, OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (message.Attempts > settings.MaxAttempts)
        {
            // Claimed again and again without an outcome: the delivery keeps killing its node.
            return new DeliveryResult.Fail($"投递过程多次中断（已尝试 {message.Attempts - 1} 次），已停止重试。");
        }

        var channel = services.GetServices<IChannel>().FirstOrDefault(c => c.Name == message.Channel);
        if (channel is null)
        {
            return new DeliveryResult.Fail($"发布渠道“{Core.Channels.ChannelNames.DisplayName(message.Channel)}”未安装或已停用，请检查站点配置后重试。");
        }

        try
        {
            if (await channel.RefusalAsync(message, cancellationToken) is { } refusal)
            {
                return new DeliveryResult.Fail(refusal);
            }

            var live = await store.LiveRemoteIdAsync(message, cancellationToken);
            var all = await store.LiveRemoteIdsAsync(message, cancellationToken);
            var context = new DeliveryContext(message, live, (progress, ct) => store.SaveProgressAsync(message, progress, ct), all);
            return await channel.DeliverAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult.Retry("请求超时，对方服务器未在规定时间内响应。");
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryResult.Retry(ex.InnerException is SocketException socket ? $"网络错误：无法连接对方服务器（{socket.SocketErrorCode}）。" : $"网络错误：{ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogDeliveryError(logger, ex, message.Channel, message.ContentItemId);
            return new DeliveryResult.Retry($"投递时出错：{ex.Message}");
        }
    }

    /// <summary>Keeps the claim alive while a slow delivery runs, so only a node that stopped lets its lease lapse.</summary>
    private async Task RenewLeaseAsync(OutboxMessage message, TimeSpan lease, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxStore>().RenewLeaseAsync(message, lease, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The delivery finished.
        }
        catch (Exception ex)
        {
            LogRenewalFailed(logger, ex, message.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "发布渠道推送：读取待发消息失败")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "发布渠道推送：消息 {Id} 的处理权已过期并由其他节点接手，本次结果（{Result}）未记录")]
    private static partial void LogClaimLost(ILogger logger, long id, DeliveryResult result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "发布渠道推送：{Channel} 第 {Attempt} 次投递 {Item} 失败：{Result}")]
    private static partial void LogDeliveryFailed(ILogger logger, string channel, int attempt, string item, DeliveryResult result);

    [LoggerMessage(Level = LogLevel.Error, Message = "发布渠道推送：{Channel} 投递 {Item} 时出错")]
    private static partial void LogDeliveryError(ILogger logger, Exception exception, string channel, string item);

    [LoggerMessage(Level = LogLevel.Warning, Message = "发布渠道推送：消息 {Id} 续租失败")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, long id);
}
