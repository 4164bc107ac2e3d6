using System.Globalization;
using Disclosure.Core.Time;
using Disclosure.Storage.Changes;

namespace Disclosure.Site.Caching;

/// <summary>
/// The version of everything the public can see: the <see cref="ChangeLogHead"/> this node has seen (the change log's
/// last sequence and the public revision of 双公示 records, settings, the calendar and every other public read model
/// outside the change log), plus the China date (pages show 公示期 and 有效性 relative to today) and the build. Every
/// cache key and ETag of a public response includes it, so a publish, update or withdrawal anywhere makes every
/// cached page and validator stale at once.
/// </summary>
/// <remarks>
/// A change made on this node is signalled synchronously at commit, before the publishing request returns, so
/// the next request here re-reads the head; a change made on another node is signalled when its notification
/// arrives (PostgreSQL, <see cref="ChangeListener"/>), and picked up by <see cref="ContentVersionFollower"/> within
/// its polling interval in any case.
/// </remarks>
public sealed class PublicContentVersion(ChangeLogHead head, TimeProvider clock)
{
    private static readonly string Build = typeof(PublicContentVersion).Assembly.ManifestModule.ModuleVersionId.ToString("n")[..8];

    private volatile TokenOf? _token;

    /// <summary>Changes signalled so far, here or announced by other nodes (for diagnostics and tests).</summary>
    public long Pulses => head.Pulses;

    public ValueTask<ChangeLogHead.Position> GetAsync(CancellationToken cancellationToken) => head.GetAsync(cancellationToken);

    /// <summary>Re-reads the change log's head and the public revision; returns whether either moved.</summary>
    public Task<bool> RefreshAsync(CancellationToken cancellationToken) => head.RefreshAsync(cancellationToken);

    /// <summary>The part of every cache key and ETag that changes with content, the day and the build.</summary>
    public string Token(ChangeLogHead.Position position)
    {
        // Every cached answer needs it, so the last one is kept until the version or the day moves.
        var today = Today;
        if (_token is { } last && ReferenceEquals(last.Position, position) && last.Day == today)
        {
            return last.Value;
        }

        var token = string.Create(CultureInfo.InvariantCulture, $"{position.Sequence}.{position.Revision}-{today:yyyyMMdd}-{Build}");
        _token = new TokenOf(position, today, token);
        return token;
    }

    public DateOnly Today => ChinaTime.ToDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>Last-Modified: the later of the last change (content or any public read model such as 站点设置) and the start of today (the day changes what pages say).</summary>
    public DateTimeOffset LastModified(ChangeLogHead.Position position)
    {
        var startOfToday = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();
        var changed = new DateTimeOffset(DateTime.SpecifyKind(position.LastChangeUtc, DateTimeKind.Utc));
        return changed > startOfToday ? changed : startOfToday;
    }

    private sealed record TokenOf(ChangeLogHead.Position Position, DateOnly Day, string Value);
}
