using System.Globalization;
using System.Threading.RateLimiting;

namespace Disclosure.Web.Operations;

/// <summary>
/// A bounded queue in front of the whole site. At most <see cref="OverloadOptions.ConcurrentRequests"/> requests run
/// at once; up to <see cref="OverloadOptions.QueueLimit"/> more wait, each for at most
/// <see cref="OverloadOptions.QueueTimeoutSeconds"/>. Anything beyond that is answered at once with 503 and
/// Retry-After instead of piling up threads, memory and database connections until every request times out — the
/// per-address limit cannot do that on its own when a spike comes from many addresses at once (a statement shared
/// widely after an incident). The health endpoints are never queued: <c>/health/live</c> keeps answering so an
/// orchestrator does not restart a node that is merely busy, and <c>/health/ready</c> reports 503 while the queue is
/// full so a load balancer sends the next requests elsewhere.
/// </summary>
public sealed class OverloadProtection : IAsyncDisposable
{
    public const string SectionName = "Overload";
    public const string BusyMessage = "服务器繁忙，请稍后再试。";

    private readonly ConcurrencyLimiter _limiter;
    private readonly OverloadOptions _options;

    public OverloadProtection(OverloadOptions options)
    {
        _options = options;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, options.ConcurrentRequests),
            QueueLimit = Math.Max(0, options.QueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Requests waiting for a slot now.</summary>
    public long Queued => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>No slot is free and the queue is full: the next request would be turned away.</summary>
    public bool IsSaturated => _limiter.GetStatistics() is { } s && s.CurrentAvailablePermits == 0 && s.CurrentQueuedCount >= _options.QueueLimit;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        // A free slot is taken at once; only a request that must queue pays for the timer of its wait.
        var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            lease = await QueueAsync(context.RequestAborted);
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                SecurityHeaders.Apply(context);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = _options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(BusyMessage, context.RequestAborted);
                return;
            }

            await next(context);
        }
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();

    private async Task<RateLimitLease> QueueAsync(CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.QueueTimeoutSeconds));
        try
        {
            return await _limiter.AcquireAsync(1, timeout.Token);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return FailedLease.Instance;
        }
    }

    /// <summary>The answer for a request that waited its whole queue time.</summary>
    private sealed class FailedLease : RateLimitLease
    {
        public static readonly FailedLease Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}

public sealed class OverloadOptions
{
    /// <summary>Requests served at once by this node. Enough to keep the CPU and the connection pool busy, not more.</summary>
    public int ConcurrentRequests { get; set; } = 256;

    /// <summary>Requests allowed to wait for a slot; beyond this the node answers 503 at once.</summary>
    public int QueueLimit { get; set; } = 1024;

    /// <summary>How long a queued request may wait before it is answered 503.</summary>
    public int QueueTimeoutSeconds { get; set; } = 10;

    public int RetryAfterSeconds { get; set; } = 5;
}

public static class OverloadProtectionExtensions
{
    public static IServiceCollection AddOverloadProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OverloadProtection.SectionName).Get<OverloadOptions>() ?? new OverloadOptions();
        return services.AddSingleton(new OverloadProtection(options));
    }

    /// <summary>Put it first, so a request turned away costs nothing beyond its 503 (which carries the security headers itself).</summary>
    public static IApplicationBuilder UseOverloadProtection(this IApplicationBuilder app)
    {
        var protection = app.ApplicationServices.GetRequiredService<OverloadProtection>();
        return app.Use(next => context => protection.InvokeAsync(context, next));
    }
}
