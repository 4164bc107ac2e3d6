using System.Threading.RateLimiting;
using Disclosure.ApiClients.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace Disclosure.Web.Operations;

/// <summary>
/// Per-address limits on anonymous requests, so one crawler or a flood after an incident statement cannot starve
/// everyone else. Staff signed in to the admin are not limited; static files are served before this runs.
/// </summary>
public static class PublicRateLimiting
{
    public const string SectionName = "RateLimiting";

    public static IServiceCollection AddPublicRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<PublicRateLimitOptions>() ?? new PublicRateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("操作过于频繁，请稍后再试。", cancellationToken);
            };

            if (options.PermitsPerMinute <= 0)
            {
                return;
            }

            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/health"))
                {
                    return RateLimitPartition.GetNoLimiter("staff");
                }

                // An endpoint open to API clients limits each client itself; anyone else it admits without a token
                // (the enforcement API's signed source systems) is a system it authenticates, not a visitor.
                if (context.GetEndpoint()?.Metadata.GetMetadata<ApiScopeMetadata>() is not null)
                {
                    return RateLimitPartition.GetNoLimiter("api");
                }

                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = Math.Max(1, options.PermitsPerMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }
}

public sealed class PublicRateLimitOptions
{
    /// <summary>Sustained requests per minute per address; 0 turns the limit off (load benchmarks).</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>How many requests an address may make at once before the rate applies (a page and its assets).</summary>
    public int Burst { get; set; } = 120;
}
