using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Disclosure.Site.Caching;

/// <summary>
/// The rendered public pages of this node, keyed by <see cref="PublicContentVersion"/>'s token, the site, the reader's
/// preferences and the URL, so a key of an older version is never looked up again; the whole cache is dropped when
/// the version moves (<see cref="ContentVersionFollower"/>). Bounded by <see cref="PublicCacheOptions.MaximumMegabytes"/>:
/// when full, the least recently used pages make room.
/// </summary>
/// <remarks>
/// Concurrent misses of one key wait for the first to render it (<see cref="TryLead"/>), so a publication under load
/// renders each hot page once rather than once per waiting request.
/// </remarks>
public sealed class PublicPageCache : IDisposable
{
    private readonly MemoryCache _pages;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CachedPage?>> _rendering = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime;
    private long _hits;
    private long _stored;

    public PublicPageCache(IOptions<PublicCacheOptions> options)
    {
        var value = options.Value;
        _lifetime = TimeSpan.FromSeconds(Math.Max(1, value.DurationSeconds));
        _pages = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = Math.Max(1, value.MaximumMegabytes) * 1024L * 1024L,
        });
    }

    /// <summary>Responses answered from this cache, 304s included (diagnostics and tests).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Pages rendered and kept.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    public bool TryGet(string key, out CachedPage page)
    {
        if (_pages.TryGetValue(key, out var value) && value is CachedPage cached)
        {
            page = cached;
            return true;
        }

        page = null!;
        return false;
    }

    internal void CountAnswer() => Interlocked.Increment(ref _hits);

    public void Set(string key, CachedPage page)
    {
        using var entry = _pages.CreateEntry(key);
        entry.Value = page;
        entry.Size = page.Size;
        entry.AbsoluteExpirationRelativeToNow = _lifetime;
        Interlocked.Increment(ref _stored);
    }

    /// <summary>Forgets every page: the content version moved.</summary>
    public void Clear() => _pages.Clear();

    /// <summary>
    /// Whether this request renders the key (true: call <see cref="Finish"/> when done, page or not) or another request
    /// already is (false: <paramref name="rendering"/> completes with its page, or null if it could not be kept).
    /// </summary>
    public bool TryLead(string key, out Task<CachedPage?> rendering)
    {
        var mine = new TaskCompletionSource<CachedPage?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _rendering.GetOrAdd(key, mine);
        rendering = current.Task;
        return ReferenceEquals(current, mine);
    }

    public void Finish(string key, CachedPage? page)
    {
        if (_rendering.TryRemove(key, out var rendering))
        {
            rendering.TrySetResult(page);
        }
    }

    public void Dispose() => _pages.Dispose();
}
