using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Disclosure.Site.Requests;

/// <summary>
/// The per-IP limit on the public application form and status query (ASP.NET Core's rate limiter): a tight window
/// for submissions and queries, a looser one for page views. Over the limit the visitor gets the zh-CN 429 page.
/// </summary>
public static class RequestRateLimiting
{
    public const string PolicyName = "requests-public";

    public static void Configure(RateLimiterOptions options, RequestFormOptions settings)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PolicyName, context =>
        {
            var post = HttpMethods.IsPost(context.Request.Method);
            var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter((post ? "post:" : "get:") + address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = post ? settings.PostPermitLimit : settings.GetPermitLimit,
                Window = TimeSpan.FromSeconds(post ? settings.PostWindowSeconds : settings.GetWindowSeconds),
                QueueLimit = 0,
            });
        });
    }
}
