using Disclosure.Admin;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Core.Security;
using Disclosure.Interaction.Consultations.Recipes;
using Disclosure.Site.Controllers;
using Disclosure.Site.Forms;
using Disclosure.Storage.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Consultations;

/// <summary>征求意见: its services, the public budgets, the item-page blocks, the admin policy and menu, the recipe step.</summary>
public static class ConsultationsServices
{
    /// <summary>Page views of /consultations and each consultation's page (an open one issues a captcha), per address.</summary>
    public const string PageViewPolicy = "consultations-public";

    /// <summary>Comment submissions, a budget apart from every other form's.</summary>
    public const string CommentBudget = "consultation-comment";

    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddOptions<ConsultationOptions>().BindConfiguration(ConsultationOptions.SectionName);
        services.AddScoped<ConsultationDirectory>();
        services.AddScoped<ConsultationComments>();
        services.AddScoped<FeedbackDrafts>();
        services.AddScoped<IItemPageExtension, ConsultationItemExtension>();
        services.AddScoped<IItemPageExtension, ConsultationFeedbackItemExtension>();
        services.AddScoped<IRecipeStepHandler, ConsultationCommentsStepHandler>();

        // The host calls UseRateLimiter; over a limit the visitor gets the zh-CN 429 page.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ConsultationOptions>>((limiter, settings) =>
            FormBudgets.AddPageViewPolicy(limiter, PageViewPolicy, settings.Value.GetPermitLimit, settings.Value.GetWindowSeconds));
        services.AddOptions<FormBudgetOptions>(CommentBudget).Configure<IOptions<ConsultationOptions>>((budget, settings) =>
            (budget.PermitLimit, budget.WindowSeconds) = (settings.Value.CommentPermitLimit, settings.Value.CommentWindowSeconds));

        services.AddAdminPolicy(InteractionModule.ConsultationsPolicy, RoleNames.Editor, RoleNames.InformationOffice);
        services.AddSingleton(new AdminMenuEntry("征求意见", "/admin/consultations", InteractionModule.ConsultationsPolicy, 72));
        services.AddSingleton(new QuickLink("征求意见", ConsultationsController.ListPath, "对政策文件草案发表意见，查看意见采纳情况"));
        return services;
    }
}
