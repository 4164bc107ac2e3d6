using Disclosure.Storage.Agencies;
using Disclosure.Storage.Changes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Disclosure.Site.Caching;

/// <summary>
/// Follows the change log's head so that this node notices what other nodes published, and drops the cached pages
/// of older versions at once instead of letting them age out.
/// </summary>
public sealed partial class ContentVersionFollower(
    PublicContentVersion version,
    ChangeSignal signal,
    PublicPageCache cache,
    AgencyHostMap hosts,
    IOptions<PublicCacheOptions> options,
    ILogger<ContentVersionFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await version.RefreshAsync(stoppingToken))
                {
                    cache.Clear();
                    // An agency's host name may be what changed; the fast path keys pages by host before the map is read.
                    hosts.Invalidate();
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be briefly unreachable; pages then revalidate on their next request.
                LogHeadUnreadable(logger, exception);
            }

            try
            {
                await Task.WhenAny(signal.WaitAsync(stoppingToken), Task.Delay(interval, stoppingToken));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the change log head; retrying.")]
    private static partial void LogHeadUnreadable(ILogger logger, Exception exception);
}

public sealed class PublicCacheOptions
{
    public const string SectionName = "Site:Cache";

    /// <summary>How often other nodes' changes are looked for; the longest a page can lag behind another node.</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>How long a rendered page may be served from memory while nothing changes.</summary>
    public int DurationSeconds { get; set; } = 300;

    /// <summary>Memory for rendered pages and their compressed copies; the least recently used make room beyond it.</summary>
    public int MaximumMegabytes { get; set; } = 128;

    public bool Enabled { get; set; } = true;
}
