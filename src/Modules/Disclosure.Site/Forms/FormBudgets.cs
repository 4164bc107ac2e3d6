using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Site.Forms;

/// <summary>
/// How many submissions of one public form an address may make in a window (a named options instance per form; the
/// module that owns the form binds it from its own settings).
/// </summary>
public sealed class FormBudgetOptions
{
    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 600;
}

/// <summary>
/// The per-IP budgets of the public forms (申请, 进度查询, 警务公开查询 …), one fixed window per named budget, so a
/// visitor who used up one form's budget (or is guessing codes on it) can still use the others. Behind a reverse
/// proxy configure forwarded headers so that the address is the visitor's.
/// </summary>
public sealed class FormBudgets(IOptionsMonitor<FormBudgetOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, PartitionedRateLimiter<HttpContext>> _budgets = new(StringComparer.Ordinal);

    public RateLimitLease Spend(string budget, HttpContext context) =>
        _budgets.GetOrAdd(budget, name => PerAddress(options.Get(name))).AttemptAcquire(context);

    public void Dispose()
    {
        foreach (var limiter in _budgets.Values)
        {
            limiter.Dispose();
        }
    }

    /// <summary>The client address a budget or page-view limit is counted against.</summary>
    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// A rate-limiter policy for a form's page views (GET and HEAD; each issues a captcha): <paramref name="permits"/>
    /// per address per window. Submissions pass here and are counted by <see cref="FormBudgetAttribute"/>.
    /// </summary>
    public static void AddPageViewPolicy(RateLimiterOptions limiter, string policyName, int permits, int windowSeconds)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(policyName, context =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("post");
            }

            return RateLimitPartition.GetFixedWindowLimiter("get:" + Address(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, permits),
                Window = TimeSpan.FromSeconds(Math.Max(1, windowSeconds)),
                QueueLimit = 0,
            });
        });
    }

    private static PartitionedRateLimiter<HttpContext> PerAddress(FormBudgetOptions settings) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, settings.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
            QueueLimit = 0,
        }));
}

/// <summary>
/// Spends one permit of a form's budget (<see cref="FormBudgets"/>). It is an action filter, so it runs after the
/// antiforgery check (an authorization filter): a forged or expired form is refused with 400 and costs the visitor
/// nothing, and cannot be used to exhaust someone else's budget behind the same address.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FormBudgetAttribute(string budget) : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var budgets = context.HttpContext.RequestServices.GetRequiredService<FormBudgets>();
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
