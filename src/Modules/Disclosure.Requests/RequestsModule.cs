using Disclosure.Admin;
using Disclosure.Core.Recipes;
using Disclosure.Core.Security;
using Disclosure.Requests.Admin;
using Disclosure.Requests.Api;
using Disclosure.Requests.Public;
using Disclosure.Requests.Recipes;
using Disclosure.Requests.Services;
using Disclosure.Requests.Supervision;
using Disclosure.Site.Controllers;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Supervision;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Requests;

/// <summary>依申请公开: the public form and status page, the office's register, the statutory clock and the statistics.</summary>
public sealed class RequestsModule : IDisclosureModule
{
    /// <summary>依申请公开's admin pages: applications and their applicants' personal data — the 公开办 only (not even 管理员).</summary>
    public const string AdminPolicy = "Requests";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Contents", "Disclosure.Site", "Disclosure.Admin", "Disclosure.ApiClients"];

    public IReadOnlyList<IRecipeStepReader> RecipeSteps { get; } = [new RequestsStepReader()];

    public string? LedgerActionName(string action) => RequestLedgerActions.DisplayName(action);

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<RequestService>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<ISupervisionClock, RequestReplyClock>();
        services.AddScoped<ApplicantDataAccess>();
        services.AddScoped<RequestStatusQuery>();
        services.AddScoped<OnlineReplyDocuments>();
        services.AddScoped<RequestStatistics>();
        services.AddScoped<RequestImporter>();
        services.AddScoped<IRecipeStepHandler>(sp => sp.GetRequiredService<RequestImporter>());
        services.AddScoped<ILedgerSubjectResolver, RequestLedgerSubjects>();

        // The public pages: their settings and the per-IP rate limit of the form (the host calls UseRateLimiter).
        services.AddOptions<RequestFormOptions>().BindConfiguration(RequestFormOptions.SectionName);
        services.AddRequestRateLimiting();
        services.AddSingleton<ReplyDownloadLinks>();
        services.AddAdminPolicy(AdminPolicy, RoleNames.InformationOffice);
        services.AddSingleton(new AdminMenuEntry("依申请公开", "/admin/requests", AdminPolicy, 60));
        services.AddSingleton(new QuickLink("申请政府信息公开", "/requests/apply", "在线提交申请，20 个工作日内答复"));
        services.AddSingleton(new QuickLink("申请进度查询", "/requests/status", "凭查询码和联系电话查询办理进度"));
    }

    /// <summary>The API: 依申请公开 statistics for API clients (<c>/api/v1/requests/statistics</c>).</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapRequestStatisticsApi();
}
