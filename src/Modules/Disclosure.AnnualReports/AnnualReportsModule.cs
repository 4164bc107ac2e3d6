using Disclosure.Admin;
using Disclosure.AnnualReports.Admin;
using Disclosure.AnnualReports.Public;
using Disclosure.AnnualReports.Recipes;
using Disclosure.AnnualReports.Services;
using Disclosure.Contents.Admin;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Core.Recipes;
using Disclosure.Core.Security;
using Disclosure.Storage.Ledger;
using Disclosure.Storage.Modules;
using Disclosure.Storage.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.AnnualReports;

/// <summary>政府信息公开工作年度报告: the statutory tables, their checks, the DOCX and the public report page.</summary>
public sealed class AnnualReportsModule : IDisclosureModule
{
    /// <summary>政府信息公开工作年度报告: compile, edit and submit — the 公开办 and 管理员.</summary>
    public const string AdminPolicy = "AnnualReports";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Contents", "Disclosure.Site", "Disclosure.Admin", "Disclosure.Requests", "Disclosure.Credit", "Disclosure.Channels"];

    public IReadOnlyList<IRecipeStepReader> RecipeSteps { get; } = [new AnnualReportsStepReader()];

    public string? LedgerActionName(string action) => action switch
    {
        AnnualReportService.CreatedAction => "编制年度报告",
        AnnualReportService.SavedAction => "保存年度报告",
        AnnualReportService.RefreshedAction => "重新统计年度报告",
        AnnualReportService.SubmittedAction => "年度报告提交审核",
        _ => null,
    };

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<ReportStatistics>();
        services.AddScoped<AnnualReportService>();
        services.AddScoped<IRecipeStepHandler, AnnualReportsStepHandler>();
        services.AddScoped<ReportRollup>();
        services.AddScoped<ReportCompletion>();
        // Its figures come from the records: compiled on its own page, never typed into the content editor.
        services.AddSingleton(new ReservedContentType(
            AnnualReportService.ContentType, "年度报告请在“年度报告”页面编制：统计数据取自系统记录，不能在此直接录入或修改。", "/admin/annual-reports"));
        services.AddScoped<IItemPageExtension, AnnualReportExtension>();
        services.AddScoped<ILedgerSubjectResolver, AnnualReportLedgerSubjects>();
        services.AddAdminPolicy(AdminPolicy, RoleNames.InformationOffice, RoleNames.Administrator);
        services.AddSingleton(new AdminMenuEntry("年度报告", "/admin/annual-reports", AdminPolicy, 80));
    }
}
