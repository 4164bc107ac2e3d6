using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Site.Controllers;
using Disclosure.Site.Forms;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Surveys;

/// <summary>社会评议: the services, the admin policies and menu entry, the public pages' rate limits and home-page link.</summary>
public static class SurveysServices
{
    /// <summary>Page views of the public survey pages, per address.</summary>
    public const string PageViewPolicy = "surveys-public";

    /// <summary>Submitted answer forms, a budget apart from every other form's.</summary>
    public const string AnswerBudget = "survey-answer";

    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddOptions<SurveyOptions>().BindConfiguration(SurveyOptions.SectionName);
        services.AddScoped<SurveyStore>();
        services.AddScoped<SurveyAnswering>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<SurveyExport>();
        services.AddScoped<SurveySampleAnswers>();
        services.AddScoped<ILedgerSubjectResolver, SurveyLedgerSubjects>();
        services.AddScoped<Disclosure.Storage.Setup.IRecipeStepHandler, SurveysStepHandler>();

        services.AddAdminPolicy(InteractionModule.SurveysPolicy, RoleNames.Editor, RoleNames.InformationOffice);
        services.AddAdminPolicy(InteractionModule.SurveysOfficePolicy, RoleNames.InformationOffice);
        services.AddSingleton(new AdminMenuEntry("社会评议", SurveyPaths.AdminList, InteractionModule.SurveysPolicy, 75));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SurveyOptions>>((limiter, settings) =>
            FormBudgets.AddPageViewPolicy(limiter, PageViewPolicy, settings.Value.GetPermitLimit, settings.Value.GetWindowSeconds));
        services.AddOptions<FormBudgetOptions>(AnswerBudget).Configure<IOptions<SurveyOptions>>((budget, settings) =>
            (budget.PermitLimit, budget.WindowSeconds) = (settings.Value.AnswerPermitLimit, settings.Value.AnswerWindowSeconds));
        services.AddSingleton(new QuickLink("社会评议", SurveyPaths.PublicList, "参与问卷调查，查看已公布的评议结果"));
        return services;
    }
}
