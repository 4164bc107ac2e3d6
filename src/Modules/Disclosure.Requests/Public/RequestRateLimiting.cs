using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Requests.Public;

/// <summary>
/// The per-IP limit on page views of the public application form and status query (ASP.NET Core's rate limiter).
/// Submissions are not counted here but by <see cref="RequestBudgetAttribute"/>, after the antiforgery check. Over
/// the limit the visitor gets the zh-CN 429 page.
/// </summary>
public static class RequestRateLimiting
{
    public const string PolicyName = "requests-public";

    public static void Configure(RateLimiterOptions options, RequestFormOptions settings)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PolicyName, context =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("post");
            }

            return RateLimitPartition.GetFixedWindowLimiter("get:" + Address(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.GetPermitLimit,
                Window = TimeSpan.FromSeconds(settings.GetWindowSeconds),
                QueueLimit = 0,
            });
        });
    }

    internal static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Which submissions share a budget: applications and status queries are counted apart.</summary>
public enum RequestBudget
{
    /// <summary>提交申请 (and 换一张 on its captcha).</summary>
    Application,

    /// <summary>办理进度查询.</summary>
    StatusQuery,
}

/// <summary>
/// The per-IP budgets of the two public forms, one fixed window each: a visitor who used up the status queries (or is
/// guessing tracking codes) can still apply, and the other way round.
/// </summary>
public sealed class RequestBudgets : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _applications;
    private readonly PartitionedRateLimiter<HttpContext> _statusQueries;

    public RequestBudgets(IOptions<RequestFormOptions> options)
    {
        var settings = options.Value;
        _applications = PerAddress(settings.PostPermitLimit, settings.PostWindowSeconds);
        _statusQueries = PerAddress(settings.StatusPermitLimit, settings.StatusWindowSeconds);
    }

    public RateLimitLease Spend(RequestBudget budget, HttpContext context) =>
        (budget == RequestBudget.Application ? _applications : _statusQueries).AttemptAcquire(context);

    public void Dispose()
    {
        _applications.Dispose();
        _statusQueries.Dispose();
    }

    private static PartitionedRateLimiter<HttpContext> PerAddress(int permits, int windowSeconds) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(RequestRateLimiting.Address(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromSeconds(Math.Max(1, windowSeconds)),
            QueueLimit = 0,
        }));
}

/// <summary>
/// Spends one permit of a form's <see cref="RequestBudget"/>. It is an action filter, so it runs after the
/// antiforgery check (an authorization filter): a forged or expired form is refused with 400 and costs the visitor
/// nothing, and cannot be used to exhaust someone else's budget behind the same address.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestBudgetAttribute(RequestBudget budget) : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var budgets = context.HttpContext.RequestServices.GetRequiredService<RequestBudgets>();
        using var lease = budgets.Spend(budget, context.HttpContext);
        if (!lease.IsAcquired)
        {
            if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            // An empty 429: the status code pages render “操作过于频繁”.
            context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
            return;
        }

        await next();
    }
}
