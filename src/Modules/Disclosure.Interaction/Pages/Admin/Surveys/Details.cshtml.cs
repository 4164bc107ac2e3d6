using Disclosure.Interaction.Surveys;
using Disclosure.Storage.Entities;
using Disclosure.Storage.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Disclosure.Interaction.Pages.Admin.Surveys;

/// <summary>
/// One questionnaire: its window and state, the results so far (the same figures the public page will show), and
/// for the 公开办 (<see cref="InteractionModule.SurveysOfficePolicy"/>) publishing, closing early, publishing the
/// results, moderation and the export; its 台账 entries below.
/// </summary>
[Authorize(Policy = InteractionModule.SurveysPolicy)]
public sealed class DetailsModel(SurveyStore store, SurveyResults results, LedgerHistory history, IAuthorizationService authorization) : PageModel
{
    public SurveyResultSet Results { get; private set; } = null!;

    public IReadOnlyList<LedgerEntry> History { get; private set; } = [];

    public bool IsOffice { get; private set; }

    public DateTime NowUtc => store.NowUtc;

    public IReadOnlyList<string> ActionErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => store.PublishAsync(id, User.Identity!.Name!, cancellationToken), "问卷已发布，答卷时间内公众即可填写。", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => store.CloseAsync(id, User.Identity!.Name!, cancellationToken), "评议已提前结束，不再接受答卷。", cancellationToken);

    public Task<IActionResult> OnPostResultsAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, () => store.PublishResultsAsync(id, User.Identity!.Name!, cancellationToken), "评议结果已公布。", cancellationToken);

    private async Task<IActionResult> ActAsync(long id, Func<Task> action, string done, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, InteractionModule.SurveysOfficePolicy)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            await action();
            TempData["Message"] = done;
            return Redirect(SurveyPaths.Admin(id));
        }
        catch (SurveyException ex)
        {
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            ActionErrors = ex.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await results.ComputeAsync(id, cancellationToken) is not { } found)
        {
            return false;
        }

        Results = found;
        IsOffice = (await authorization.AuthorizeAsync(User, InteractionModule.SurveysOfficePolicy)).Succeeded;
        History = await history.OfAsync(SurveyLedgerActions.Subject(id), cancellationToken);
        return true;
    }
}
