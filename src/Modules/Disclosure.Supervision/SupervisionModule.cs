using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Supervision;
using Disclosure.Supervision.Board;
using Disclosure.Supervision.Clocks;
using Disclosure.Supervision.Freshness;
using Disclosure.Supervision.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Supervision;

/// <summary>
/// 督查督办: the supervision board at <c>/admin/supervision</c> over every registered <see cref="Storage.Supervision.ISupervisionClock"/>,
/// the 目录's freshness rules, the dead-link checker and the monthly supervision report.
/// </summary>
public sealed class SupervisionModule : IDisclosureModule
{
    /// <summary>督查督办: the 公开办, who answers for timeliness, and the 领导 it reports to; the 管理员 of the installation.</summary>
    public const string AdminPolicy = "Supervision";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Admin", "Disclosure.Contents", "Disclosure.Channels"];

    // ---- 条例 coverage's recipe step (wp-supervision-links) ----
    public IReadOnlyList<Core.Recipes.IRecipeStepReader> RecipeSteps { get; } = [new Coverage.StatuteCoverageStepReader()];

    public string? LedgerActionName(string action) => action == FreshnessRules.LedgerAction ? "栏目更新规则" : null;

    public void ConfigureServices(IServiceCollection services)
    {
        // Not ErrorOnUnknownConfiguration: the section also holds the link checker's own LinkCheck subsection.
        services.AddOptions<SupervisionOptions>()
            .BindConfiguration(SupervisionOptions.SectionName)
            .Validate(o => o.DueSoonWorkingDays is >= 0 and <= 20, "Supervision:DueSoonWorkingDays 应在 0 到 20 之间。")
            .Validate(o => o.FreshnessWarningDays is >= 0 and <= 90, "Supervision:FreshnessWarningDays 应在 0 到 90 之间。")
            .Validate(o => o.MonthReportDay is >= 0 and <= 28, "Supervision:MonthReportDay 应在 0 到 28 之间（0 表示不自动生成月报）。")
            .ValidateOnStart();
        services.AddScoped<SupervisionBoard>();
        services.AddScoped<FreshnessRules>();
        services.AddScoped<FreshnessReport>();
        services.AddScoped<SupervisionReports>();
        services.AddScoped<MonthReportArchive>();
        services.AddScoped<Channels.Notices.INoticeSource, MonthReportNotices>();
        services.AddHostedService<MonthReportService>();
        services.AddScoped<ISupervisionClock, ProactiveDisclosureClock>();
        services.AddAdminPolicy(AdminPolicy, RoleNames.InformationOffice, RoleNames.Leader, RoleNames.Administrator);
        services.AddSingleton(new AdminMenuEntry("督查督办", "/admin/supervision", AdminPolicy, 25));

        // ---- 死链检查 and 条例 coverage (wp-supervision-links) ----
        Links.LinkCheckRegistration.Add(services);
        Coverage.CoverageRegistration.Add(services);
        // ---- end 死链检查 and 条例 coverage ----
    }
}
