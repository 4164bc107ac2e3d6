using Disclosure.Admin;
using Disclosure.Core.Recipes;
using Disclosure.Core.Security;
using Disclosure.Credit.Admin;
using Disclosure.Credit.Api;
using Disclosure.Credit.PowerList;
using Disclosure.Credit.Public;
using Disclosure.Credit.Recipes;
using Disclosure.Credit.Services;
using Disclosure.Credit.Supervision;
using Disclosure.Site.Controllers;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Supervision;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Credit;

/// <summary>双公示 (the record store, public and office queries, import and export) and the 权力清单 (双随机).</summary>
public sealed class CreditModule : IDisclosureModule
{
    /// <summary>双公示 and the 权力清单 tables: enter, import and export records (信息员 and 公开办).</summary>
    public const string AdminPolicy = "Credit";

    /// <summary>双公示: publish, withdraw and 信用修复 — acts of the 公开办 alone.</summary>
    public const string PublishingPolicy = "CreditPublishing";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Contents", "Disclosure.Site", "Disclosure.Admin", "Disclosure.ApiClients"];

    public IReadOnlyList<IRecipeStepReader> RecipeSteps { get; } = [new CreditRecordsStepReader()];

    public string? LedgerActionName(string action) => CreditLedgerActions.DisplayName(action);

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<CreditSettings>();
        services.AddScoped<CreditRecordStore>();
        services.AddScoped<CreditPublicQuery>();
        services.AddScoped<CreditAdminQuery>();
        services.AddScoped<ISupervisionClock, CreditPublicationClock>();
        services.AddScoped<CreditImporter>();
        services.AddScoped<CreditExporter>();
        services.AddScoped<PowerListImporter>();
        services.AddScoped<PowerListExporter>();
        services.AddScoped<IRecipeStepHandler, CreditRecordsStepHandler>();
        services.AddScoped<ILedgerSubjectResolver, CreditLedgerSubjects>();
        services.AddAdminPolicy(AdminPolicy, RoleNames.Editor, RoleNames.InformationOffice);
        services.AddAdminPolicy(PublishingPolicy, RoleNames.InformationOffice);
        services.AddSingleton(new AdminMenuEntry("双公示", "/admin/credit", AdminPolicy, 70));
        services.AddSingleton(new QuickLink("双公示", CreditUrls.Home, "行政许可和行政处罚信息查询"));
    }

    /// <summary>The 双公示 read API, <c>/api/v1/credit/…</c>, and the clients' bulk import.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapCreditApi().MapCreditImportApi();
}
