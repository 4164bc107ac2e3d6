using Disclosure.Admin;
using Disclosure.Core.Security;
using Disclosure.Storage.Reports;
using Disclosure.Storage.Setup;
using Disclosure.Storage.Supervision;
using Disclosure.Interaction.Ratings;
using Disclosure.Interaction.Recipes;
using Disclosure.Site.Controllers;
using Disclosure.Site.Forms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Disclosure.Interaction.Mailbox;

/// <summary>局长信箱 and 满意度评价: their services, settings, rate limits, admin policies and links.</summary>
public static class MailboxServices
{
    public static IServiceCollection AddMailbox(this IServiceCollection services)
    {
        services.AddOptions<MailboxOptions>().BindConfiguration(MailboxOptions.SectionName);
        services.AddScoped<MailboxService>();
        services.AddScoped<LetterQueries>();
        services.AddScoped<ISupervisionClock, LetterReplyClock>();
        services.AddScoped<LetterStatusQuery>();
        services.AddScoped<PublishedLetters>();
        services.AddScoped<MailboxStatistics>();
        services.AddScoped<RatingService>();
        services.AddScoped<SatisfactionStatistics>();
        services.AddScoped<IAnnualReportOverviewSource, InteractionOverviewSource>();
        services.AddScoped<IRecipeStepHandler, MailboxLettersStepHandler>();

        // The host calls UseRateLimiter; over a limit the visitor gets the zh-CN 429 page.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<MailboxOptions>>((limiter, settings) =>
            FormBudgets.AddPageViewPolicy(limiter, MailboxOptions.PageViewPolicy, settings.Value.PageViewsPerMinute, 60));
        services.AddOptions<FormBudgetOptions>(MailboxOptions.WriteBudget).Configure<IOptions<MailboxOptions>>((budget, settings) =>
            (budget.PermitLimit, budget.WindowSeconds) = (settings.Value.Write.PermitLimit, settings.Value.Write.WindowSeconds));
        services.AddOptions<FormBudgetOptions>(MailboxOptions.StatusBudget).Configure<IOptions<MailboxOptions>>((budget, settings) =>
            (budget.PermitLimit, budget.WindowSeconds) = (settings.Value.Status.PermitLimit, settings.Value.Status.WindowSeconds));

        services.AddAdminPolicy(InteractionModule.MailboxPolicy, RoleNames.InformationOffice, RoleNames.Editor, RoleNames.DepartmentReviewer);
        services.AddAdminPolicy(InteractionModule.FollowUpPolicy, RoleNames.InformationOffice);
        services.AddSingleton(new AdminMenuEntry("局长信箱", "/admin/mailbox", InteractionModule.MailboxPolicy, 70));
        services.AddSingleton(new QuickLink("局长信箱", MailboxController.IndexPath, "咨询、建议、投诉、举报，在线写信并查询答复"));
        services.AddSingleton(new QuickLink("满意度评价", SatisfactionController.Path, "凭查询码对来信答复或依申请公开答复进行评价"));
        return services;
    }
}
