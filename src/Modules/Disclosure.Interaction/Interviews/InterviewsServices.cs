using Disclosure.Admin;
using Disclosure.Contents.Items.Extensions;
using Disclosure.Core.Security;
using Disclosure.Site.Controllers;
using Disclosure.Site.Forms;
using Disclosure.Storage.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Interviews;

/// <summary>在线访谈: the public pages (<c>/interviews</c>), the office's moderation and 文字直播, the demo step.</summary>
public static class InterviewsServices
{
    /// <summary>Views of the interview pages (each issues a captcha while questions are open), per address.</summary>
    public const string PageViewPolicy = "interviews-public";

    /// <summary>The question form's submissions, a budget apart from every other form's.</summary>
    public const string QuestionBudget = "interview-question";

    public static IServiceCollection AddInterviews(this IServiceCollection services)
    {
        services.AddOptions<InterviewOptions>().BindConfiguration(InterviewOptions.SectionName);
        services.AddScoped<InterviewStore>();
        services.AddScoped<IRecipeStepHandler, InterviewRecordsStepHandler>();
        services.AddScoped<IItemPageExtension, InterviewItemExtension>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<InterviewOptions>>((limiter, settings) =>
            FormBudgets.AddPageViewPolicy(limiter, PageViewPolicy, settings.Value.GetPermitLimit, settings.Value.GetWindowSeconds));
        services.AddOptions<FormBudgetOptions>(QuestionBudget).Configure<IOptions<InterviewOptions>>((budget, settings) =>
            (budget.PermitLimit, budget.WindowSeconds) = (settings.Value.QuestionPermitLimit, settings.Value.QuestionWindowSeconds));

        services.AddAdminPolicy(InteractionModule.InterviewsPolicy, RoleNames.Editor, RoleNames.InformationOffice);
        services.AddSingleton(new AdminMenuEntry("在线访谈", InterviewAdminUrls.Index, InteractionModule.InterviewsPolicy, 72));
        services.AddSingleton(new QuickLink("在线访谈", InterviewsController.IndexPath, "访谈预告、文字直播和往期访谈实录，欢迎网友提问"));
        return services;
    }
}
