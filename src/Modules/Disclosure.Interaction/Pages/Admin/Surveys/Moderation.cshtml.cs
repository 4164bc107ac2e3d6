using Disclosure.Interaction.Submissions;
using Disclosure.Interaction.Surveys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Surveys;

/// <summary>
/// 审核填空答案: the free-text answers awaiting moderation, oldest first, each approved (shown in the published
/// results) or not published; and the latest decided ones, to undo a slip. Each decision is recorded in the 台账.
/// </summary>
[Authorize(Policy = InteractionModule.SurveysOfficePolicy)]
public sealed class ModerationModel(SurveyStore store) : PageModel
{
    public const int PageSize = 50;

    public SurveyDefinition Definition { get; private set; } = null!;

    public IReadOnlyList<(SurveyAnswerRecord Answer, int QuestionOrder)> Pending { get; private set; } = [];

    public IReadOnlyList<(SurveyAnswerRecord Answer, int QuestionOrder)> Approved { get; private set; } = [];

    public IReadOnlyList<(SurveyAnswerRecord Answer, int QuestionOrder)> Rejected { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Definition = found;
        Pending = await store.TextAnswersAsync(id, ModerationState.Pending, PageSize, cancellationToken);
        Approved = await store.TextAnswersAsync(id, ModerationState.Approved, PageSize, cancellationToken);
        Rejected = await store.TextAnswersAsync(id, ModerationState.Rejected, PageSize, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, long answer, ModerationState state, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null || !Enum.IsDefined(state))
        {
            return NotFound();
        }

        TempData["Message"] = await store.ModerateAsync(answer, state, User.Identity!.Name!, cancellationToken)
            ? $"答案 #{answer}：{ModerationStates.DisplayName(state)}。"
            : $"没有找到答案 #{answer}。";
        return Redirect(SurveyPaths.Moderation(id));
    }
}
