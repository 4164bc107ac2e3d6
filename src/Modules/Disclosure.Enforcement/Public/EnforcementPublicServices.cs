using Disclosure.Enforcement.Services;
using Disclosure.Site.Controllers;
using Disclosure.Site.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Enforcement.Public;

/// <summary>The public side of 执法公开: 执法公开平台 (<c>/enforcement</c>) and 警务公开查询 (<c>/enforcement/query</c>).</summary>
public static class EnforcementPublicServices
{
    /// <summary>Page views of both pages (the query page issues a captcha on each), per address.</summary>
    public const string PageViewPolicy = "enforcement-public";

    /// <summary>警务公开查询's submissions, a budget apart from every other form's.</summary>
    public const string QueryBudget = "enforcement-query";

    public static IServiceCollection AddEnforcementPublic(this IServiceCollection services)
    {
        services.AddOptions<EnforcementPublicOptions>().BindConfiguration(EnforcementPublicOptions.SectionName);
        services.AddMemoryCache();
        services.AddScoped<EnforcementStatistics>();

        // The host calls UseRateLimiter; over a limit the visitor gets the zh-CN 429 page.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<EnforcementPublicOptions>>((limiter, settings) =>
            FormBudgets.AddPageViewPolicy(limiter, PageViewPolicy, settings.Value.GetPermitLimit, settings.Value.GetWindowSeconds));
        services.AddOptions<FormBudgetOptions>(QueryBudget).Configure<IOptions<EnforcementPublicOptions>>((budget, settings) =>
            (budget.PermitLimit, budget.WindowSeconds) = (settings.Value.QueryPermitLimit, settings.Value.QueryWindowSeconds));

        services.AddSingleton(new QuickLink("警务公开查询", EnforcementController.QueryPath, "案件当事人凭查询码查询案件办理进度"));
        services.AddSingleton(new QuickLink("执法公开平台", EnforcementController.IntroPath, "执法主体、依据、流程、救济途径和执法统计"));
        return services;
    }
}
