using Disclosure.Core.Recipes;
using Disclosure.Credit.PowerList;
using Disclosure.Credit.Recipes;
using Disclosure.Credit.Public;
using Disclosure.Credit.Services;
using Disclosure.Site.Controllers;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Credit;

/// <summary>双公示 (the record store, public and office queries, import and export) and the 权力清单 (双随机).</summary>
public sealed class CreditModule : IDisclosureModule
{
    public IReadOnlyList<string> Dependencies => ["Disclosure.Site"];

    public IReadOnlyList<IRecipeStepReader> RecipeSteps { get; } = [new CreditRecordsStepReader()];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<CreditSettings>();
        services.AddScoped<CreditRecordStore>();
        services.AddScoped<CreditPublicQuery>();
        services.AddScoped<CreditAdminQuery>();
        services.AddScoped<CreditImporter>();
        services.AddScoped<CreditExporter>();
        services.AddScoped<PowerListImporter>();
        services.AddScoped<PowerListExporter>();
        services.AddScoped<IRecipeStepHandler, CreditRecordsStepHandler>();
        services.AddSingleton(new QuickLink("双公示", CreditUrls.Home, "行政许可和行政处罚信息查询"));
    }
}
