using Disclosure.Contents.Admin;
using Disclosure.Interaction.Interviews;
using Disclosure.Interaction.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Interviews;

/// <summary>An interview's questions: pending first; 通过 shows one on the page, 不予公开 keeps it for the record only. Each decision goes to the 台账.</summary>
[Authorize(Policy = InteractionModule.InterviewsPolicy)]
[ContentItemAccess]
public sealed class QuestionsModel(InterviewStore store) : PageModel
{
    public InterviewInfo Interview { get; private set; } = null!;

    public IReadOnlyList<InterviewQuestionRecord> Questions { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostModerateAsync(string id, long questionId, string? decision, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var state = decision switch
        {
            "approve" => ModerationState.Approved,
            "reject" => ModerationState.Rejected,
            _ => (ModerationState?)null,
        };
        if (state is null || !await store.ModerateAsync(id, questionId, state.Value, User.Identity!.Name!, cancellationToken))
        {
            return NotFound();
        }

        return Redirect(InterviewAdminUrls.Questions(id) + $"?done={questionId}#question-{questionId}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } interview)
        {
            return false;
        }

        Interview = interview;
        Questions = await store.QuestionsForModerationAsync(id, cancellationToken);
        if (long.TryParse(Request.Query["done"], out var done) && Questions.FirstOrDefault(q => q.Id == done) is { } moderated)
        {
            Notice = $"第 {done} 号提问：{ModerationStates.DisplayName(moderated.State)}。";
        }

        return true;
    }
}
