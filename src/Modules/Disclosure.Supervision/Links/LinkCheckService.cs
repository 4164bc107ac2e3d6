using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Supervision.Links;

/// <summary>Wakes this node's checker at once when 立即检查 queued a run here (other nodes find it at their next poll).</summary>
public sealed class LinkCheckSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }
}

/// <summary>
/// The background 死链检查 on every node that enables it (<c>Supervision:LinkCheck:Enabled</c>): every poll it queues the
/// scheduled run when due and works the open run if no other node holds it (<see cref="LinkChecker"/>).
/// </summary>
public sealed partial class LinkCheckService(IServiceScopeFactory scopes, LinkCheckSignal signal, IOptions<LinkCheckOptions> options, ILogger<LinkCheckService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var poll = TimeSpan.FromSeconds(Math.Max(1, settings.PollSeconds));
        await signal.WaitAsync(TimeSpan.FromSeconds(Math.Max(0, settings.StartDelaySeconds)), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pass = await scope.ServiceProvider.GetRequiredService<LinkChecker>().RunOnceAsync(LinkChecker.Node, stoppingToken);
                if (pass != LinkCheckPass.Idle)
                {
                    LogPass(logger, pass);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database was away or an item failed to render: the run is closed with its error, the next poll goes on.
                LogFailed(logger, ex);
            }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "死链检查：{Pass}")]
    private static partial void LogPass(ILogger logger, LinkCheckPass pass);

    [LoggerMessage(Level = LogLevel.Error, Message = "死链检查失败")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
