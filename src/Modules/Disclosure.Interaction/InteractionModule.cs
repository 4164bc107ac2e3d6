using Disclosure.Core.Recipes;
using Disclosure.Interaction.Interviews;
using Disclosure.Storage.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Interaction;

/// <summary>
/// 政民互动: the public talks back. 局长信箱 letters routed to a department and answered on a working-day clock,
/// 满意度评价 of replies (letters and 依申请公开), 社会评议 questionnaires, 征求意见 on draft decisions and 在线访谈. They
/// share one spine: a public submission (captcha, per-IP budget, 查询码), moderation before anything the public wrote
/// is shown, and statistics computed in the database.
/// </summary>
public sealed class InteractionModule : IDisclosureModule
{
    /// <summary>在线访谈: moderating questions and posting the 文字直播 (信息员 and 公开办).</summary>
    public const string InterviewsPolicy = "InteractionInterviews";

    public IReadOnlyList<string> Dependencies => ["Disclosure.Contents", "Disclosure.Site", "Disclosure.Admin", "Disclosure.Requests"];

    public IReadOnlyList<IRecipeStepReader> RecipeSteps { get; } = [new InterviewRecordsStepReader()];

    public string? LedgerActionName(string action) => InterviewLedgerActions.DisplayName(action);

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddInterviews();
    }
}
