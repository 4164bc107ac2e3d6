using System.Collections.Concurrent;
using System.Diagnostics;

namespace Disclosure.Supervision.Links;

/// <summary>
/// Politeness per host: at most <c>concurrency</c> requests in flight to one host, and each started at least <c>delay</c>
/// after the previous one to that host started or ended — so a slow answer or a timeout also earns the host its pause.
/// Real time, not the app's clock: a test clock that stands still must not stall the checker.
/// </summary>
public sealed class HostGate(int concurrency, TimeSpan delay)
{
    private readonly ConcurrentDictionary<string, Host> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(string authority, CancellationToken cancellationToken)
    {
        var host = _hosts.GetOrAdd(authority, _ => new Host(Math.Max(1, concurrency)));
        await host.Slots.WaitAsync(cancellationToken);
        try
        {
            TimeSpan wait;
            lock (host)
            {
                var now = Stopwatch.GetElapsedTime(0);
                var start = host.LastStart is { } last && last + delay > now ? last + delay : now;
                host.LastStart = start;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            return new Release(host);
        }
        catch
        {
            host.Slots.Release();
            throw;
        }
    }

    private sealed class Host(int concurrency)
    {
        public SemaphoreSlim Slots { get; } = new(concurrency, concurrency);

        /// <summary>When the latest request to the host started (or is booked to) or ended, as time since the process began.</summary>
        public TimeSpan? LastStart { get; set; }
    }

    private sealed class Release(Host host) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                lock (host)
                {
                    var now = Stopwatch.GetElapsedTime(0);
                    if (host.LastStart is not { } last || last < now)
                    {
                        host.LastStart = now;
                    }
                }

                host.Slots.Release();
            }
        }
    }
}
