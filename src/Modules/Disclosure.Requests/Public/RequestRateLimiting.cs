using Disclosure.Site.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Requests.Public;

/// <summary>
/// The limits of the public application form and status query: page views per IP by ASP.NET Core's rate limiter,
/// submissions by each form's own budget (<see cref="FormBudgets"/>), after the antiforgery check. Over a limit the
/// visitor gets the zh-CN 429 page.
/// </summary>
public static class RequestRateLimiting
{
    public const string PolicyName = "requests-public";

    /// <summary>提交申请 (and 换一张 on its captcha).</summary>
    public const string ApplicationBudget = "requests-application";

    /// <summary>办理进度查询, a budget apart from the applications.</summary>
    public const string StatusQueryBudget = "requests-status";

    public static void AddRequestRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RequestFormOptions>>((limiter, form) =>
            FormBudgets.AddPageViewPolicy(limiter, PolicyName, form.Value.GetPermitLimit, form.Value.GetWindowSeconds));
        services.AddOptions<FormBudgetOptions>(ApplicationBudget).Configure<IOptions<RequestFormOptions>>((budget, form) =>
            (budget.PermitLimit, budget.WindowSeconds) = (form.Value.PostPermitLimit, form.Value.PostWindowSeconds));
        services.AddOptions<FormBudgetOptions>(StatusQueryBudget).Configure<IOptions<RequestFormOptions>>((budget, form) =>
            (budget.PermitLimit, budget.WindowSeconds) = (form.Value.StatusPermitLimit, form.Value.StatusWindowSeconds));
    }
}
