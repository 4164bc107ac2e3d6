using Disclosure.Core.Recipes;
using Disclosure.Interaction.Consultations;
using Disclosure.Interaction.Consultations.Recipes;
using Disclosure.Interaction.Interviews;
using Disclosure.Interaction.Mailbox;
using Disclosure.Interaction.Ratings;
using Disclosure.Interaction.Recipes;
using Disclosure.Interaction.Surveys;
using Disclosure.Storage.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Interaction;

/// <summary>
/// 政民互动: the public talks back. 局长信箱 letters routed to a department and answered on a working-day clock,
/// 满意度评价 of replies (letters and 依申请公开), 社会评议 questionnaires, 征求意见 on draft decisions and 在线访谈. They
/// share one spine: a public submission (captcha, per-IP budget, 查询码), moderation before anything the public wrote
/// is shown, and statistics computed in the database. Each feature lives in its own folder and registers itself.
/// </summary>
public sealed class InteractionModule : IDisclosureModule
{
    /// <summary>局长信箱's admin pages: the 公开办 (every letter) and departments' 信息员 and 部门负责人 (their own letters).</summary>
    public const string MailboxPolicy = "Mailbox";

    /// <summary>不满意 ratings and their 回访: the 公开办.</summary>
    public const string FollowUpPolicy = "RatingFollowUps";

    /// <summary>社会评议 questionnaires: drafting (信息员 and 公开办).</summary>
    public const string SurveysPolicy = "Surveys";

    /// <summary>社会评议: publishing, closing, results, moderation and the raw-answer export (公开办 only).</summary>
    public const string SurveysOfficePolicy = "SurveysOffice";

    /// <summary>征求意见: the consultations' comments (moderation, export) and starting their 意见采纳情况.</summary>
    public const string ConsultationsPolicy = "InteractionConsultations";

    /// <summary>在线访谈: moderating questions and posting the 文字直播 (信息员 and 公开办).</summary>
    public const string InterviewsPolicy = "InteractionInterviews";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Contents", "Disclosure.Site", "Disclosure.Admin", "Disclosure.Requests"];

    public IReadOnlyList<IRecipeStepReader> RecipeSteps { get; } = [new MailboxLettersStepReader(), new SurveysStepReader(), new ConsultationCommentsStepReader(), new InterviewRecordsStepReader()];

    public string? LedgerActionName(string action) =>
        MailboxLedgerActions.DisplayName(action)
        ?? RatingLedgerActions.DisplayName(action)
        ?? SurveyLedgerActions.DisplayName(action)
        ?? ConsultationLedgerActions.DisplayName(action)
        ?? InterviewLedgerActions.DisplayName(action);

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddMailbox();
        services.AddSurveys();
        services.AddConsultations();
        services.AddInterviews();
    }
}
