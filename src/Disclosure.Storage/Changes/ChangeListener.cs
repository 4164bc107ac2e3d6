using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Disclosure.Storage.Changes;

/// <summary>
/// Listens on PostgreSQL for the other nodes' <see cref="ChangeNotifier"/> notifications and pulses this node's
/// <see cref="ChangeSignal"/>, so its page cache, search indexer and outbox look at a change the moment it commits
/// elsewhere instead of at their next poll. The polls stay: they are what keeps a node right while this
/// connection is down (it reconnects with back-off, and pulses once connected again, for whatever it missed) and
/// behind a pooler that cannot LISTEN (<see cref="StorageOptions.ChangeNotifications"/> off).
/// </summary>
public sealed partial class ChangeListener(
    StorageOptions options,
    ChangeNotifier notifier,
    ChangeSignal signal,
    ILogger<ChangeListener> logger) : BackgroundService
{
    /// <summary>The application_name of the listening connection (to find it in pg_stat_activity).</summary>
    public const string ApplicationName = "Disclosure change listener";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(15);

    private long _connections;
    private long _received;

    /// <summary>How many times the listening connection has been established (diagnostics and tests).</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Notifications from other nodes received so far.</summary>
    public long Received => Interlocked.Read(ref _received);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.Enabled)
        {
            return;
        }

        await Task.Yield(); // never hold up the host's start-up
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(onListening: () => retry = FirstRetry, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogConnectionLost(logger, retry.TotalMilliseconds, exception);
            }

            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private async Task ListenAsync(Action onListening, CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(options.ResolveConnectionString())
        {
            ApplicationName = ApplicationName,
            // A connection of its own, outside the pool, idle for hours: keep-alives find a dead peer.
            Pooling = false,
            KeepAlive = 15,
        }.ConnectionString;

        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += OnNotification;
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand("LISTEN " + ChangeNotifier.Channel, connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        onListening();
        LogListening(logger);
        // Whatever committed while nobody was listening (before start, or while reconnecting) is looked for now.
        signal.Pulse();
        Interlocked.Increment(ref _connections);
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Payload == notifier.NodeId)
        {
            return;
        }

        signal.Pulse();
        Interlocked.Increment(ref _received);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "已在数据库上监听其他节点的变更通知")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "变更通知连接中断，{RetryMilliseconds} 毫秒后重连；其间由轮询跟进变更")]
    private static partial void LogConnectionLost(ILogger logger, double retryMilliseconds, Exception exception);
}
